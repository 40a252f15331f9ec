namespace VideoGen.Grains.Jobs;

/// <summary>A "generate all" run: its id and how many scenes it queued work for.</summary>
[GenerateSerializer, Alias("VideoGen.BatchResult")]
public sealed record BatchResult(Guid BatchId, int Total);
