using System.Text;

namespace MonitoramentoBKP.LocalHost.Tests.Support;

/// <summary>
/// An RFC 4180 reader of the tests' own, independent of the product's: the cells exactly as a spreadsheet program
/// receives them (quotes removed, doubled quotes undone, nothing else changed).
/// </summary>
public static class Rfc4180
{
    public static List<List<string>> Parse(string text, char separator)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                // A bare CR or LF outside quotes would end a record for some readers and not others: not RFC 4180.
                Assert.False(c is '\r' or '\n', $"a line break outside quotes at character {i}");
                Assert.False(c == '"', $"a quote inside an unquoted field at character {i}");
                field.Append(c);
            }
        }

        Assert.False(quoted, "the file ends inside a quoted field");
        Assert.True(field.Length == 0 && record.Count == 0, "the last line does not end with CRLF");
        return records;
    }
}
