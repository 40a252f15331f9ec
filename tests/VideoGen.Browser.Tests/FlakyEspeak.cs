namespace VideoGen.Browser.Tests;

/// <summary>
/// An espeak-ng that fails, as one missing its voice data does, until <see cref="Heal"/>; then
/// it is the real espeak-ng. Configured as <c>Speech:EspeakPath</c>.
/// </summary>
public sealed class FlakyEspeak : IDisposable
{
    /// <summary>What the broken espeak-ng says on stderr.</summary>
    public const string Complaint = "Error processing file '/usr/share/espeak-ng-data/phontab': No such file or directory.";

    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "videogen-tests", "espeak-" + Guid.NewGuid().ToString("N"));

    public FlakyEspeak()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path, $"""
            #!/bin/sh
            if [ -e "{_folder}/healed" ]; then exec espeak-ng "$@"; fi
            cat >/dev/null
            echo "{Complaint}" >&2
            exit 1

            """.Replace("\r", ""));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The program to configure.</summary>
    public string Path => System.IO.Path.Combine(_folder, "espeak-ng");

    /// <summary>From now on the real espeak-ng speaks.</summary>
    public void Heal() => File.WriteAllText(System.IO.Path.Combine(_folder, "healed"), "");

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
