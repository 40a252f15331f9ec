namespace VideoGen.Silo.Speech;

/// <summary>The last lines of a process's stderr, bounded so a chatty process cannot exhaust memory.</summary>
internal sealed class StderrTail(int maxLines = 40, int maxLineLength = 1000)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string line)
    {
        if (line.Length > maxLineLength) line = line[..maxLineLength] + "…";
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > maxLines) _lines.Dequeue();
        }
    }

    public override string ToString()
    {
        lock (_gate) return string.Join('\n', _lines);
    }
}
