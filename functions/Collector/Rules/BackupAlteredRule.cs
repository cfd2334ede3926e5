using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>
/// Backups already seen whose content changed without being written again (same path, a different hash, a
/// last-write time that did not move forward): corruption on disk or tampering. One finding however many files,
/// counting them and naming the first few: a whole set altered at once is the ransomware pattern, and must not
/// become ten thousand findings. Which files are altered comes from the set's baseline (what each file was when
/// written), so the finding stays on every run until the file is written again, removed, or acknowledged.
/// </summary>
public sealed class BackupAlteredRule : IRule
{
    public string Id => "backup-altered";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        var altered = c.History.Altered;
        if (altered.Count == 0)
        {
            yield break;
        }

        if (altered.Count == 1)
        {
            var file = altered[0];
            var path = Bounded.Path(file.Path);
            var when = Say.LocalTime(c.OnCollectorClock(file.LastWriteUtc), c.Policy.TimeZone);
            yield return new Finding(Id, SetStatus.Failed, new Text(
                $"O backup {path} (gravado em {when.Pt}) mudou de conteúdo depois de gravado: pode estar corrompido ou ter sido adulterado. Não confie nele para restaurar.",
                $"The backup {path} (written {when.En}) changed content after it was written: it may be corrupt or tampered with. Do not rely on it for a restore."));
            yield break;
        }

        var named = Bounded.FirstFew(altered.Select(f => f.Path), altered.Count);
        var share = c.Set is { Files.Count: > 0 } set ? $" ({altered.Count * 100 / set.Files.Count}%)" : "";
        yield return new Finding(Id, SetStatus.Failed, new Text(
            $"{altered.Count} backups{share} mudaram de conteúdo depois de gravados, sem serem gravados de novo: {named}. Muitos arquivos alterados de uma vez é o padrão de ransomware ou de disco com defeito. Isole o computador e não confie nesses backups para restaurar.",
            $"{altered.Count} backups{share} changed content after they were written, without being written again: {named}. Many files altered at once is the pattern of ransomware or a failing disk. Isolate the computer and do not rely on these backups for a restore."));
    }
}
