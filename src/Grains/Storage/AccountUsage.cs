namespace VideoGen.Grains.Storage;

/// <summary>What an account has made and used, as the profile page shows it: projects, GPU time, and finished exports.</summary>
public sealed record AccountUsage(int Projects, double GpuSeconds, int Exports);
