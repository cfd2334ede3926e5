using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Probe.Update;

namespace MonitoramentoBKP.Probe.Localization;

/// <summary>The sentences of the self-update (update, recover, self-test, the update lines of run and status).</summary>
public sealed partial class Messages
{
    public string BadReleaseKey(string reason) =>
        T($"não é uma chave pública P-256 em base64 (SubjectPublicKeyInfo): {reason}", $"is not a base64 P-256 public key (SubjectPublicKeyInfo): {reason}");
    public string TooManyReleaseKeys(int count, int max) => T($"{count} chaves; no máximo {max}", $"{count} keys; at most {max}");

    public string UpdatesOffNoKeys => T("atualizações desligadas nesta versão: nenhuma chave de assinatura de versões é confiável (nem embutida, nem em probe.json \"releaseKeys\")",
        "updates are off for this build: no release signing key is trusted (none built in, none in probe.json \"releaseKeys\")");
    public string UpdatesDisabled => T("atualizações desligadas em probe.json (\"updates\": false)", "updates are turned off in probe.json (\"updates\": false)");
    public string UpdatesNeedInstalledProbe => T("a atualização automática só vale para a sonda instalada (bkp-probe na pasta do programa)",
        "self-update applies only to the installed probe (bkp-probe in the program folder)");
    public string UpdateKeysUnreadable(string detail) => T($"atualizações desligadas: as chaves de versões não puderam ser lidas ({detail})", $"updates are off: the release keys could not be read ({detail})");
    public string UpdateOnTrial(string version) =>
        T($"a versão {version} está em teste; nenhuma outra atualização até ela concluir uma execução", $"version {version} is on trial; no other update until it completes a run");
    public string NoUpdate => T("nenhuma atualização para esta filial", "no update for this branch");
    public string UpdateAlreadyCurrent(string version) => T($"já na versão {version}", $"already on version {version}");
    public string UpdateKnownBad(string version) => T($"a versão {version} já falhou nesta máquina e não será instalada de novo", $"version {version} already failed on this machine and will not be installed again");
    public string UpdateUnreachable(string detail) => T($"não foi possível verificar atualizações: {detail}", $"could not check for updates: {detail}");
    public string UpdateRefused(string version, string reason) => T($"atualização {version} recusada: {reason}", $"update {version} refused: {reason}");
    public string UpdateSelfTestFailed(string version, string detail) =>
        T($"a versão {version} falhou no autoteste e não foi instalada: {detail}", $"version {version} failed its self-test and was not installed: {detail}");
    public string UpdateAvailable(string version) =>
        T($"versão {version} disponível, assinada e válida; 'bkp-probe update' a instala", $"version {version} is available, signed and valid; 'bkp-probe update' installs it");
    public string UpdateInstalled(string version, string previous) =>
        T($"versão {version} instalada (a {previous} fica como bkp-probe.previous); em teste até concluir uma execução agendada",
          $"version {version} installed ({previous} kept as bkp-probe.previous); on trial until it completes a scheduled run");
    public string UpdateFailed(string detail) => T($"a atualização não pôde ser feita: {detail}; a versão atual continua", $"the update could not be done: {detail}; the current version stays");
    public string UpdateResumed(UpdateJournal? journal) => journal?.Phase switch
    {
        UpdatePhase.Trial => T($"troca interrompida concluída: versão {journal.Version} em teste", $"interrupted swap completed: version {journal.Version} on trial"),
        UpdatePhase.RolledBack => T($"retorno interrompido concluído: versão {journal.PreviousVersion} restaurada", $"interrupted rollback completed: version {journal.PreviousVersion} restored"),
        _ => T("troca interrompida desfeita: a versão anterior continua", "interrupted swap undone: the version in place stays"),
    };

    public string TrialConfirmed(string version) => T($"versão {version} confirmada: concluiu uma execução", $"version {version} confirmed: it completed a run");
    public string TrialRunFailed(string version, int failed) =>
        T($"a versão {version} não entregou nesta execução ({failed} de 2); a versão anterior executa no lugar dela",
          $"version {version} delivered nothing in this run ({failed} of 2); the previous version runs in its place");
    public string TrialRolledBack(string version, string previous) =>
        T($"atualização falhou, versão anterior restaurada: {version} → {previous}", $"update failed, previous version restored: {version} → {previous}");

    public string KeysRotated(int version) => T($"chaves de versões trocadas: lista {version} aceita", $"release keys rotated: key list {version} accepted");
    public string KeysRefused(string reason) => T($"troca de chaves recusada: {reason}", $"key rotation refused: {reason}");
    public string KeysFileUnreadable(string path, string detail) => T($"não foi possível ler {path}: {detail}", $"could not read {path}: {detail}");

    public string StatusVersion(string version, string? previous) =>
        previous is null ? T($"Versão:            {version}", $"Version:           {version}") : T($"Versão:            {version} (anterior: {previous})", $"Version:           {version} (previous: {previous})");
    public string StatusUpdate(UpdateJournal journal) => journal.Phase switch
    {
        UpdatePhase.Swapping => T($"Atualização:       troca para {journal.Version} pendente (concluída na próxima execução)", $"Update:            swap to {journal.Version} pending (completed at the next run)"),
        UpdatePhase.Trial => T($"Atualização:       versão {journal.Version} em teste desde {Local(journal.TrialStartedUtc)} ({journal.FailedRuns} execuções sem entrega)",
            $"Update:            version {journal.Version} on trial since {Local(journal.TrialStartedUtc)} ({journal.FailedRuns} runs without delivery)"),
        UpdatePhase.RollingBack => T($"Atualização:       retorno de {journal.Version} para {journal.PreviousVersion} pendente", $"Update:            rollback from {journal.Version} to {journal.PreviousVersion} pending"),
        UpdatePhase.RolledBack => T($"Atualização:       a versão {journal.Version} falhou e foi desfeita ({Local(journal.EndedUtc)})", $"Update:            version {journal.Version} failed and was rolled back ({Local(journal.EndedUtc)})"),
        _ => T($"Atualização:       {journal.PreviousVersion} → {journal.Version} concluída ({Local(journal.EndedUtc)})", $"Update:            {journal.PreviousVersion} → {journal.Version} done ({Local(journal.EndedUtc)})"),
    };
    public string StatusUpdateEvent(UpdateReport report) =>
        T($"Último evento:     {Outcome(report.Outcome)} {report.Version} em {Local(report.AtUtc)}", $"Last update:       {Outcome(report.Outcome)} {report.Version} at {Local(report.AtUtc)}")
        + (report.Detail is null ? "" : $" ({OneLine(report.Detail)})");

    private string Outcome(UpdateOutcome outcome) => outcome switch
    {
        UpdateOutcome.Updated => T("atualizada para", "updated to"),
        UpdateOutcome.Refused => T("recusada a versão", "refused version"),
        UpdateOutcome.SelfTestFailed => T("falhou no autoteste a versão", "self-test failed for version"),
        _ => T("desfeita a versão", "rolled back version"),
    };

    private string Local(DateTime? utc) => utc is { } t ? t.ToLocalTime().ToString(Language == Configuration.Language.English ? "yyyy-MM-dd HH:mm" : "dd/MM/yyyy HH:mm", Culture) : "?";
}
