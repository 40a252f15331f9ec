namespace VideoGen.Silo.Media;

/// <summary>Writes a program and its argument list as one line a person can paste into a POSIX shell.</summary>
internal static class CommandLine
{
    public static string Format(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(fileName).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=+@%,".Contains(c))
            ? argument
            : "'" + argument.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
}
