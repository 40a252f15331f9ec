namespace VideoGen.Web.Api;

/// <summary>The URL a stored media file (a path relative to <c>Media:Root</c>) is served at.</summary>
public static class MediaUrl
{
    public const string Prefix = "/media/";

    public static string? For(string? file) =>
        file is null ? null : Prefix + string.Join('/', file.Split('/').Select(Uri.EscapeDataString));
}
