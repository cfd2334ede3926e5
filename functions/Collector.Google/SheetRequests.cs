using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Google;

/// <summary>The spreadsheets.batchUpdate requests that lay a tab out (names and shapes from the discovery document's Request schema).</summary>
internal static class SheetRequests
{
    public static JsonObject AddSheet(int sheetId, string title, int rows, int columns) => new()
    {
        ["addSheet"] = new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["sheetId"] = sheetId,
                ["title"] = title,
                ["gridProperties"] = new JsonObject { ["rowCount"] = rows, ["columnCount"] = columns, ["frozenRowCount"] = 1 },
            },
        },
    };

    public static JsonObject FrozenHeader(int sheetId, int columns) => new()
    {
        ["updateSheetProperties"] = new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["sheetId"] = sheetId,
                ["gridProperties"] = new JsonObject { ["frozenRowCount"] = 1, ["columnCount"] = columns },
            },
            ["fields"] = "gridProperties.frozenRowCount,gridProperties.columnCount",
        },
    };

    public static JsonObject GridSize(int sheetId, int rows, int columns) => new()
    {
        ["updateSheetProperties"] = new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["sheetId"] = sheetId,
                ["gridProperties"] = new JsonObject { ["rowCount"] = rows, ["columnCount"] = columns },
            },
            ["fields"] = "gridProperties.rowCount,gridProperties.columnCount",
        },
    };

    public static JsonObject DeleteConditionalFormat(int sheetId, int index) => new()
    {
        ["deleteConditionalFormatRule"] = new JsonObject { ["sheetId"] = sheetId, ["index"] = index },
    };

    /// <summary>
    /// Bold shaded header; data rows in regular weight without a background, on the whole columns from row 2 down (no
    /// end row), so every row below the header has it, however it got there; column widths, date formats on moment
    /// columns (from row 2 down as well), and one colour rule per status word on toned columns.
    /// </summary>
    public static IEnumerable<JsonObject> Format(int sheetId, SheetTab tab, SheetLanguage language)
    {
        yield return new JsonObject
        {
            ["repeatCell"] = new JsonObject
            {
                ["range"] = new JsonObject { ["sheetId"] = sheetId, ["startRowIndex"] = 0, ["endRowIndex"] = 1 },
                ["cell"] = new JsonObject
                {
                    ["userEnteredFormat"] = new JsonObject
                    {
                        ["textFormat"] = new JsonObject { ["bold"] = true },
                        ["backgroundColor"] = Color(0xE8, 0xEA, 0xED),
                    },
                },
                ["fields"] = "userEnteredFormat(textFormat,backgroundColor)",
            },
        };

        // A field in the mask that the cell leaves out is cleared: the background goes.
        yield return new JsonObject
        {
            ["repeatCell"] = new JsonObject
            {
                ["range"] = new JsonObject { ["sheetId"] = sheetId, ["startRowIndex"] = 1 },
                ["cell"] = new JsonObject
                {
                    ["userEnteredFormat"] = new JsonObject { ["textFormat"] = new JsonObject { ["bold"] = false } },
                },
                ["fields"] = "userEnteredFormat(textFormat,backgroundColor)",
            },
        };

        for (var i = 0; i < tab.Columns.Count; i++)
        {
            var column = tab.Columns[i];
            yield return new JsonObject
            {
                ["updateDimensionProperties"] = new JsonObject
                {
                    ["range"] = new JsonObject { ["sheetId"] = sheetId, ["dimension"] = "COLUMNS", ["startIndex"] = i, ["endIndex"] = i + 1 },
                    ["properties"] = new JsonObject { ["pixelSize"] = column.Width },
                    ["fields"] = "pixelSize",
                },
            };
            if (column.IsMoment)
            {
                yield return new JsonObject
                {
                    ["repeatCell"] = new JsonObject
                    {
                        ["range"] = new JsonObject { ["sheetId"] = sheetId, ["startRowIndex"] = 1, ["startColumnIndex"] = i, ["endColumnIndex"] = i + 1 },
                        ["cell"] = new JsonObject
                        {
                            ["userEnteredFormat"] = new JsonObject
                            {
                                ["numberFormat"] = new JsonObject { ["type"] = "DATE_TIME", ["pattern"] = language.SheetDateTimePattern },
                            },
                        },
                        ["fields"] = "userEnteredFormat.numberFormat",
                    },
                };
            }
        }

        var toned = Runs(Enumerable.Range(0, tab.Columns.Count).Where(i => tab.Columns[i].IsToned)).ToList();
        if (toned.Count == 0)
        {
            yield break;
        }

        var index = 0;
        foreach (var (word, tone) in SheetPalette.Words(language))
        {
            var (r, g, b) = SheetPalette.Background(tone);
            yield return new JsonObject
            {
                ["addConditionalFormatRule"] = new JsonObject
                {
                    ["rule"] = new JsonObject
                    {
                        ["ranges"] = new JsonArray([.. toned.Select(run => (JsonNode)new JsonObject { ["sheetId"] = sheetId, ["startRowIndex"] = 1, ["startColumnIndex"] = run.Start, ["endColumnIndex"] = run.End })]),
                        ["booleanRule"] = new JsonObject
                        {
                            ["condition"] = new JsonObject
                            {
                                ["type"] = "TEXT_EQ",
                                ["values"] = new JsonArray(new JsonObject { ["userEnteredValue"] = word }),
                            },
                            ["format"] = new JsonObject { ["backgroundColor"] = Color(r, g, b) },
                        },
                    },
                    ["index"] = index++,
                },
            };
        }
    }

    /// <summary>Consecutive column indexes as [start, end) runs: the 30 day columns are one range.</summary>
    private static IEnumerable<(int Start, int End)> Runs(IEnumerable<int> columns)
    {
        (int Start, int End)? run = null;
        foreach (var column in columns)
        {
            if (run is { } r && r.End == column)
            {
                run = (r.Start, column + 1);
                continue;
            }

            if (run is { } done)
            {
                yield return done;
            }

            run = (column, column + 1);
        }

        if (run is { } last)
        {
            yield return last;
        }
    }

    private static JsonObject Color(byte r, byte g, byte b) => new()
    {
        ["red"] = Math.Round(r / 255.0, 4),
        ["green"] = Math.Round(g / 255.0, 4),
        ["blue"] = Math.Round(b / 255.0, 4),
    };
}
