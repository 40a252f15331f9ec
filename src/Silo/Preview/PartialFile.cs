namespace VideoGen.Silo.Preview;

/// <summary>
/// An output written under a hidden temporary name in its final folder and renamed into place
/// when complete, so a reader never sees half a file. Disposed uncommitted, it deletes itself.
/// </summary>
internal sealed class PartialFile(string directory, string name, string extension) : IDisposable
{
    private bool _committed;

    public string FinalPath { get; } = Path.Combine(directory, name + extension);

    // Same folder as the final file so the rename stays on one file system and is atomic.
    public string TempPath { get; } = Path.Combine(directory, $".{name}.{Guid.NewGuid():N}.partial{extension}");

    /// <summary>Moves the finished file to <see cref="FinalPath"/>, replacing an older one.</summary>
    public string Commit()
    {
        if (!File.Exists(TempPath)) throw new FileNotFoundException("The renderer finished without writing its output.", TempPath);
        File.Move(TempPath, FinalPath, overwrite: true);
        _committed = true;
        return FinalPath;
    }

    public void Dispose()
    {
        if (_committed) return;
        try
        {
            File.Delete(TempPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Disposal runs while a failure or cancellation is propagating; a stray hidden file must not replace that exception.
        }
    }
}
