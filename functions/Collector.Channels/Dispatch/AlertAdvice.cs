using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Channels.Dispatch;

/// <summary>What a reader of an alert should do, by the status it reports; nothing for a recovery.</summary>
public static class AlertAdvice
{
    public static Text? For(AlertRow row) => row.Event == AlertEvent.Resolved ? null : row.Status switch
    {
        SetStatus.Failed => new("Confira o motivo acima na filial e rode o backup de novo; se voltar a falhar, chame o suporte.", "Check the reason above at the branch and run the backup again; if it fails again, call support."),
        SetStatus.Missed => new("O backup não foi feito no horário: confira se a tarefa agendada da filial rodou e se o computador estava ligado.", "The backup did not run on time: check that the branch's scheduled task ran and the computer was on."),
        SetStatus.Silent => new("A sonda da filial parou de dar notícias: confira se o computador está ligado e com internet.", "The branch's probe stopped reporting: check that the computer is on and online."),
        SetStatus.Warning => new("Nada parou ainda, mas vale conferir o motivo acima.", "Nothing has stopped yet, but the reason above is worth a look."),
        _ => null,
    };
}
