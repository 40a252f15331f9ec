namespace VideoGen.Silo.Options;

/// <summary>Checks the <c>Devices</c> list and names the key of the first thing wrong.</summary>
public static class DevicesValidator
{
    private const int MinFrames = 5;
    private const int MaxFrames = 2_001;

    public static IReadOnlyList<string> Validate(IReadOnlyList<DeviceOptions> devices)
    {
        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < devices.Count; i++)
        {
            var device = devices[i];
            var key = $"{DeviceOptions.Section}:{i}";
            if (string.IsNullOrWhiteSpace(device.Name)) problems.Add($"{key}:Name is empty: every device needs a unique name.");
            else if (!names.Add(device.Name)) problems.Add($"{key}:Name '{device.Name}' is used by another device; device names must be unique.");

            if (device.MaxFrames is < MinFrames or > MaxFrames)
                problems.Add($"{key}:MaxFrames must be between {MinFrames} and {MaxFrames} frames (got {device.MaxFrames}); Wan 2.2 makes 81 at 16 fps.");

            switch (device.Kind?.Trim().ToLowerInvariant())
            {
                case "preview":
                    break;
                case "comfyui":
                    if (!IsHttpUrl(device.Url)) problems.Add($"{key}:Url must be the ComfyUI base URL, e.g. http://127.0.0.1:8188 (got '{device.Url}').");
                    if (device.VideoUrl is { Length: > 0 } && !IsHttpUrl(device.VideoUrl)) problems.Add($"{key}:VideoUrl must be an http(s) URL (got '{device.VideoUrl}').");
                    CheckFile(problems, $"{key}:ImageWorkflow", device.ImageWorkflow);
                    CheckFile(problems, $"{key}:VideoWorkflow", device.VideoWorkflow);
                    break;
                default:
                    problems.Add($"{key}:Kind must be 'comfyui' or 'preview' (got '{device.Kind}').");
                    break;
            }
        }
        return problems;
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void CheckFile(List<string> problems, string key, string? path)
    {
        if (path is { Length: > 0 } && !File.Exists(path)) problems.Add($"{key} names '{path}', which does not exist.");
    }
}
