using System.Text;

namespace MonitoramentoBKP.LocalHost.LocalSheet;

/// <summary>
/// The one way the product writes CSV: RFC 4180 lines (CRLF; a field quoted when it holds the separator, a quote or
/// a line break, its quotes doubled), with the sheet language's separator, and every cell kept from being read as a
/// formula by a spreadsheet program (OWASP's advice on CSV injection: a cell that begins with '=', '+', '-', '@',
/// tab or carriage return gets a single quote in front, and is quoted).
/// </summary>
/// <remarks>
/// No column of the local sheet holds a number: moments are written formatted, sizes and durations with their unit,
/// the history grid as symbols. So a cell that begins with '-' is text, and is neutralized like the others
/// ("-5" is written "'-5"); the closed-day mark "–" (an en dash) is not a minus and is left alone.
/// </remarks>
internal static class LocalSheetCsv
{
    public const string NewLine = "\r\n";

    private const char Neutralizer = '\'';

    public static string Line(IEnumerable<string> fields, char separator) =>
        string.Join(separator, fields.Select(f => Field(f, separator))) + NewLine;

    private static string Field(string text, char separator)
    {
        var neutralized = MayBeReadAsFormula(text);
        var field = neutralized ? Neutralizer + text : text;
        return neutralized || field.Contains(separator, StringComparison.Ordinal) || field.AsSpan().IndexOfAny('"', '\r', '\n') >= 0
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
    }

    /// <summary>
    /// Whether a cell must be neutralized: it begins with a formula character, after any single quotes. Text that
    /// already begins with quotes before one ("'=x") gets one more, so that reading a file back (<see cref="Restore"/>)
    /// removes exactly what writing added and gives every text back as it was.
    /// </summary>
    private static bool MayBeReadAsFormula(string text) =>
        text.TrimStart(Neutralizer) is [var first, ..] && first is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>A cell's text as it was before <see cref="Field"/> neutralized it.</summary>
    private static string Restore(string field) =>
        field.Length > 1 && field[0] == Neutralizer && MayBeReadAsFormula(field[1..]) ? field[1..] : field;

    /// <summary>The records of a file written by <see cref="Line"/> (or saved again by a spreadsheet program), cells restored; blank lines are skipped.</summary>
    public static List<List<string>> Parse(string text, char separator)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i++];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i < text.Length && text[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                record.Add(Restore(field.ToString()));
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i < text.Length && text[i] == '\n')
                {
                    i++;
                }

                End();
            }
            else
            {
                field.Append(c);
            }
        }

        End();
        return records;

        void End()
        {
            record.Add(Restore(field.ToString()));
            field.Clear();
            if (record is not [""])
            {
                records.Add(record);
            }

            record = [];
        }
    }
}
