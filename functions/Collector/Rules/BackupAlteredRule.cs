using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>
/// A backup already seen whose content changed without being written again (same path, a different hash,
/// a last-write time that did not move forward): corruption on disk or tampering. A file rewritten in place
/// by the next backup moves its time forward and is not flagged.
/// </summary>
public sealed class BackupAlteredRule : IRule
{
    public string Id => "backup-altered";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        foreach (var file in c.Backups)
        {
            var seenBefore = c.History.KnownFiles.TryGetValue(file.Path, out var known)
                && known.Sha256 != file.Sha256
                && file.LastWriteUtc <= known.LastWriteUtc;
            if (!seenBefore && file.PreviousSha256 is null)
            {
                continue;
            }

            var when = Say.LocalTime(file.LastWriteUtc, c.Policy.TimeZone);
            yield return new Finding(Id, SetStatus.Failed, new Text(
                $"O backup {file.Path} (gravado em {when.Pt}) mudou de conteúdo depois de gravado: pode estar corrompido ou ter sido adulterado. Não confie nele para restaurar.",
                $"The backup {file.Path} (written {when.En}) changed content after it was written: it may be corrupt or tampered with. Do not rely on it for a restore."));
        }
    }
}
