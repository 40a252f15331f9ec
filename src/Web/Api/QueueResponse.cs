namespace VideoGen.Web.Api;

/// <summary>Work of one lane kind: queued, running, devices taking it now, seconds until the queue drains (null with <c>why</c> when unknown).</summary>
public sealed record QueueResponse(string Lane, int Queued, int Running, int Devices, double? DrainSeconds, string? Why);
