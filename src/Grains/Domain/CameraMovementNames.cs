namespace VideoGen.Grains.Domain;

/// <summary>
/// The one spelling of each camera movement that clients send and read (camelCase, as in
/// <c>zoomIn</c>), for the JSON API and the inspector form alike. Nothing else is accepted:
/// no other casing, no enum numbers.
/// </summary>
public static class CameraMovementNames
{
    private static readonly Dictionary<string, CameraMovement> ByName = Enum.GetValues<CameraMovement>().ToDictionary(Of, StringComparer.Ordinal);

    /// <summary>Every name, in the enum's order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<CameraMovement>().Select(Of).ToArray();

    /// <summary>The name of <paramref name="movement"/>.</summary>
    public static string Of(CameraMovement movement)
    {
        var name = movement.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The movement as a creator reads it: "Zoom in", not <c>ZoomIn</c>.</summary>
    public static string Words(CameraMovement movement)
    {
        var name = movement.ToString();
        var words = new System.Text.StringBuilder(name.Length + 2).Append(name[0]);
        foreach (var c in name[1..])
        {
            if (char.IsUpper(c)) words.Append(' ').Append(char.ToLowerInvariant(c));
            else words.Append(c);
        }
        return words.ToString();
    }

    /// <summary>The movement called <paramref name="name"/>, or <see langword="null"/> when there is none.</summary>
    public static CameraMovement? Parse(string? name) => name is not null && ByName.TryGetValue(name, out var movement) ? movement : null;

    /// <summary>Why <paramref name="given"/> (as the client wrote it) is refused.</summary>
    public static string Unknown(string given) => $"Unknown camera movement {given}; use one of {string.Join(", ", All)}.";
}
