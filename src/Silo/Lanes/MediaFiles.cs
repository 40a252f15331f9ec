namespace VideoGen.Silo.Lanes;

/// <summary>
/// The media folder (<c>Media:Root</c>): where lanes put outputs and how stored relative
/// paths map back to files. A stored path can never point outside the root.
/// </summary>
public sealed class MediaFiles(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The folder for a sentence's (or a project's) outputs, created if needed.</summary>
    public string DirectoryFor(Guid projectId, Guid? sentenceId)
    {
        var folder = sentenceId is { } id
            ? Path.Combine(Root, "projects", projectId.ToString("N"), id.ToString("N"))
            : Path.Combine(Root, "projects", projectId.ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Deletes every file of a project (after the project itself is gone from the store).</summary>
    public void DeleteProject(Guid projectId)
    {
        var folder = Path.Combine(Root, "projects", projectId.ToString("N"));
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    /// <summary>The stored form of a file under the root: a relative path with '/' separators.</summary>
    public string ToRelative(string absolutePath)
    {
        var full = Path.GetFullPath(absolutePath);
        if (!IsUnderRoot(full)) throw new InvalidOperationException($"{absolutePath} is not under the media root {Root}.");
        return Path.GetRelativePath(Root, full).Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The file a stored relative path names; null for a path that would leave the root.</summary>
    public string? ToAbsolute(string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath)) return null;
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        return IsUnderRoot(full) ? full : null;
    }

    /// <summary>Deletes a stored file; a file already gone is fine.</summary>
    public void Delete(string? relativePath)
    {
        if (relativePath is not null && ToAbsolute(relativePath) is { } path && File.Exists(path)) File.Delete(path);
    }

    private bool IsUnderRoot(string fullPath) =>
        fullPath.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
