namespace MonitoramentoBKP.Benchmarks;

/// <summary>
/// One external command. <paramref name="DiscardStdout"/> sends stdout to /dev/null through a shell exec, as an
/// administrator's "&gt; /dev/null" would, instead of a pipe this harness must drain while the tool runs.
/// </summary>
public sealed record ToolCommand(string Name, string FileName, IReadOnlyList<string> Arguments, bool DiscardStdout = false)
{
    public string Display
    {
        get
        {
            var text = string.Join(' ', new[] { FileName }.Concat(Arguments).Select(Quote));
            return DiscardStdout ? text + " > /dev/null" : text;
        }
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,%@+".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
