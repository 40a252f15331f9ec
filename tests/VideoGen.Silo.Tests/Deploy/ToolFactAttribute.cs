using VideoGen.TestSupport;

namespace VideoGen.Silo.Tests.Deploy;

/// <summary>
/// A fact that needs a command-line tool: skipped, and said so, where the tool is not installed;
/// never skipped under CI, which installs it.
/// </summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool)
    {
        if (!TestEnvironment.IsCi && !Installed(tool)) Skip = $"Needs {tool} on PATH (CI installs it).";
    }

    public static bool Installed(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));
}
