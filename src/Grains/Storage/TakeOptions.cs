using VideoGen.Grains.Domain;

namespace VideoGen.Grains.Storage;

/// <summary>How many takes a scene keeps (<c>Takes</c> section).</summary>
public sealed record TakeOptions
{
    public const string Section = "Takes";

    /// <summary>The newest takes kept per scene and kind (<c>Takes:KeepPerAsset</c>); the active take is kept besides.</summary>
    public int KeepPerAsset { get; init; } = TakeRules.DefaultKeepPerAsset;
}
