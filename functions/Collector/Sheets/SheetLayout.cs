using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>The columns of the three tabs, in the order managers read them.</summary>
public static class SheetLayout
{
    public const int HistoryDays = 30;

    public static IReadOnlyList<SheetColumn> StatusColumns { get; } =
    [
        new(new("Filial", "Branch"), 70),
        new(new("Nome", "Name"), 180),
        new(new("Conjunto", "Set"), 110),
        new(new("Estado", "Status"), 110, IsToned: true),
        new(new("Desde", "Since"), 130, IsMoment: true),
        new(new("Motivo", "Reason"), 460),
        new(new("Último backup", "Last backup"), 130, IsMoment: true),
        new(new("Arquivo", "File"), 220),
        new(new("Tamanho", "Size"), 80),
        new(new("Última comunicação", "Last contact"), 140, IsMoment: true),
        new(new("Versão da sonda", "Probe version"), 110),
        new(new("Fuso horário", "Time zone"), 150),
    ];

    public static IReadOnlyList<SheetColumn> AlertColumns { get; } =
    [
        new(new("Alerta", "Alert"), 190),
        new(new("Data", "Time"), 130, IsMoment: true),
        new(new("Filial", "Branch"), 70),
        new(new("Nome", "Name"), 180),
        new(new("Conjunto", "Set"), 110),
        new(new("Evento", "Event"), 100),
        new(new("Estado", "Status"), 110, IsToned: true),
        new(new("Anterior", "Previous"), 110, IsToned: true),
        new(new("Motivo", "Reason"), 460),
        new(new("Duração", "Duration"), 100),
        new(new("Fuso horário", "Time zone"), 150),
    ];

    /// <summary>Branch, name and set, then one column per local day, oldest first, ending today.</summary>
    public static IReadOnlyList<SheetColumn> HistoryColumns(DateOnly today, SheetLanguage language)
    {
        var columns = new List<SheetColumn>
        {
            new(new("Filial", "Branch"), 70),
            new(new("Nome", "Name"), 180),
            new(new("Conjunto", "Set"), 110),
        };
        for (var day = today.AddDays(1 - HistoryDays); day <= today; day = day.AddDays(1))
        {
            var label = day.ToString(language.DayPattern, System.Globalization.CultureInfo.InvariantCulture);
            columns.Add(new(new Text(label, label), 46, IsToned: true));
        }

        return columns;
    }

    public static Text EventLabel(Alerts.AlertEvent what) => what switch
    {
        Alerts.AlertEvent.Opened => new("Aberto", "Opened"),
        Alerts.AlertEvent.Escalated => new("Agravado", "Escalated"),
        Alerts.AlertEvent.Reminder => new("Lembrete", "Reminder"),
        Alerts.AlertEvent.Reopened => new("Reaberto", "Reopened"),
        Alerts.AlertEvent.Acknowledged => new("Reconhecido", "Acknowledged"),
        Alerts.AlertEvent.Silenced => new("Silenciado", "Silenced"),
        Alerts.AlertEvent.SilenceEnded => new("Fim do silêncio", "Silence ended"),
        _ => new("Resolvido", "Resolved"),
    };
}
