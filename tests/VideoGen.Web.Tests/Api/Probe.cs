namespace VideoGen.Web.Tests.Api;

/// <summary>One bad request of the sweep: what is wrong with it, where it goes, and which statuses would be right.</summary>
public sealed record Probe(string Input, string Path, string? Body, IReadOnlySet<int> Expected, string? Names = null, string ContentType = "application/json");
