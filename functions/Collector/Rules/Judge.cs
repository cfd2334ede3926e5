using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>Runs every rule on a set; its verdict is the worst finding, OK when none.</summary>
public sealed class Judge(IReadOnlyList<IRule> rules)
{
    public static readonly Judge Default = new([
        new FolderMissingRule(),
        new FolderUnreadableRule(),
        new FolderEmptyRule(),
        new BackupMissedRule(),
        new BackupTooSmallRule(),
        new BackupShrankRule(),
        new BackupUnchangedRule(),
        new BackupAlteredRule(),
        new ArchiveCorruptRule(),
        new TooFewGenerationsRule(),
        new LowFreeSpaceRule(),
        new ProbeErrorsRule(),
        new SpoolDroppedRule(),
        new ClockSkewRule(),
    ]);

    public IReadOnlyList<IRule> Rules { get; } = rules;

    public SetVerdict Evaluate(RuleContext context) => SetVerdict.Of(Rules.SelectMany(r => r.Evaluate(context)).ToList());
}
