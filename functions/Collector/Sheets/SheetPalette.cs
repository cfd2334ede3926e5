using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>
/// The words a status is shown with and the colour each word gets. One list drives both the Google sheet's
/// conditional formatting and the local sheet's colours, so the two cannot disagree.
/// </summary>
public static class SheetPalette
{
    public const string Done = "✓";
    public const string Warned = "!";
    public const string Broken = "✗";
    public const string Closed = "–";

    public static Text Label(SetStatus status) => status switch
    {
        SetStatus.Ok => new("OK", "OK"),
        SetStatus.Warning => new("ATENÇÃO", "WARNING"),
        SetStatus.Failed => new("FALHOU", "FAILED"),
        SetStatus.Missed => new("ATRASADO", "MISSED"),
        SetStatus.Silent => new("SEM CONTATO", "SILENT"),
        _ => new("SEM DADOS", "UNKNOWN"),
    };

    public static Text Paused { get; } = new("PAUSADA", "PAUSED");

    /// <summary>A history cell: ✓ good, ! warning, ✗ failed/missed/silent, – closed day, blank when nothing is known.</summary>
    public static string Symbol(SetStatus status) => status switch
    {
        SetStatus.Ok => Done,
        SetStatus.Warning => Warned,
        SetStatus.Failed or SetStatus.Missed or SetStatus.Silent => Broken,
        _ => "",
    };

    public static CellTone ToneOf(SetStatus status) => status switch
    {
        SetStatus.Ok => CellTone.Good,
        SetStatus.Warning => CellTone.Warning,
        SetStatus.Failed or SetStatus.Missed or SetStatus.Silent => CellTone.Bad,
        _ => CellTone.None,
    };

    /// <summary>Every coloured word of a language, with its colour.</summary>
    public static IReadOnlyList<(string Text, CellTone Tone)> Words(SheetLanguage language)
    {
        var words = Enum.GetValues<SetStatus>()
            .Where(s => ToneOf(s) != CellTone.None)
            .Select(s => (language.Say(Label(s)), ToneOf(s)))
            .ToList();
        words.Add((Done, CellTone.Good));
        words.Add((Warned, CellTone.Warning));
        words.Add((Broken, CellTone.Bad));
        words.Add((Closed, CellTone.Muted));
        words.Add((language.Say(Paused), CellTone.Muted));
        return words;
    }

    public static CellTone ToneOf(string text, SheetLanguage language) =>
        Words(language).FirstOrDefault(w => w.Text == text).Tone;

    /// <summary>Background colour of a tone as RGB 0-255 (Google's own pale green, amber, red and grey).</summary>
    public static (byte R, byte G, byte B) Background(CellTone tone) => tone switch
    {
        CellTone.Good => (0xB7, 0xE1, 0xCD),
        CellTone.Warning => (0xFC, 0xE8, 0xB2),
        CellTone.Bad => (0xF4, 0xC7, 0xC3),
        CellTone.Muted => (0xEF, 0xEF, 0xEF),
        _ => (0xFF, 0xFF, 0xFF),
    };

    public static string Hex(CellTone tone)
    {
        var (r, g, b) = Background(tone);
        return $"#{r:x2}{g:x2}{b:x2}";
    }
}
