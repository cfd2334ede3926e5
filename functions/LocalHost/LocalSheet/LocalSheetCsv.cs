using System.Text;

namespace MonitoramentoBKP.LocalHost.LocalSheet;

/// <summary>RFC 4180 lines (CRLF, fields quoted only when they must be), with the sheet language's separator.</summary>
internal static class LocalSheetCsv
{
    public const string NewLine = "\r\n";

    public static string Line(IEnumerable<string> fields, char separator) =>
        string.Join(separator, fields.Select(f => Quote(f, separator))) + NewLine;

    private static string Quote(string field, char separator) =>
        field.Contains(separator, StringComparison.Ordinal) || field.AsSpan().IndexOfAny('"', '\r', '\n') >= 0
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;

    /// <summary>The records of a file written by <see cref="Line"/> (or saved again by a spreadsheet program); blank lines are skipped.</summary>
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
                record.Add(field.ToString());
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
            record.Add(field.ToString());
            field.Clear();
            if (record is not [""])
            {
                records.Add(record);
            }

            record = [];
        }
    }
}
