namespace VideoGen.Grains.Storage;

/// <summary>A write kept losing to concurrent writers and gave up; the caller may try again later.</summary>
public sealed class StoreConflictException(string message) : Exception(message);
