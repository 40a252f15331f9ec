namespace VideoGen.Web.Api;

/// <summary>The body of <c>POST /api/v1/projects/{id}/exports</c>; every field is optional.</summary>
/// <param name="Subtitles">Burn the sentences in as subtitles (false by default; the .srt is always written beside the video).</param>
/// <param name="Transitions"><c>cut</c> (default) or <c>crossfade</c>.</param>
/// <param name="Fps">24 or 30; <c>Export:FramesPerSecond</c> by default.</param>
public sealed record ExportRequest(bool? Subtitles = null, string? Transitions = null, int? Fps = null);
