namespace VideoGen.Silo.ComfyUi;

/// <summary><c>GET /system_stats</c>: the server's version and its devices.</summary>
public sealed record SystemStats(string? ComfyUiVersion, IReadOnlyList<ComfyUiDevice> Devices);
