namespace VideoGen.Grains.Domain;

/// <summary>
/// Raised when a caller asks an entity for something its rules forbid (an illegal job
/// transition, a value out of range). Expected outcomes are returned, not thrown.
/// </summary>
public sealed class DomainException(string message) : Exception(message);
