using System.Globalization;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Scheduling;

namespace MonitoramentoBKP.Probe.Localization;

/// <summary>
/// What <c>install</c> and <c>uninstall</c> tell the technician, in Brazilian Portuguese (default) and English. Each
/// failure says what to do next. Kept apart from <see cref="Messages"/>, which the run's own sentences fill.
/// </summary>
public sealed class InstallMessages(Language language)
{
    public Language Language { get; } = language;

    private string T(string pt, string en) => Language == Language.English ? en : pt;

    // Options
    public string BadTime(string value) => T($"'{value}' não é um horário HH:MM (00:00 a 23:59)", $"'{value}' is not a time HH:MM (00:00 to 23:59)");
    public string DuplicateTime(string value) => T($"o horário {value} aparece mais de uma vez", $"the time {value} is given more than once");
    public string TooManyTimes(int max) => T($"no máximo {max} horários", $"at most {max} times");
    public string BadAccount(string value) => T($"'{value}' não é um nome de conta utilizável", $"'{value}' is not a usable account name");
    public string OsOnlyWithDryRun => T("--os só vale com --dry-run: a instalação de verdade é para o sistema desta máquina", "--os only goes with --dry-run: a real install is for this machine's system");
    public string PasswordOnlyForNamedAccount => T("--logon password só vale com --account NOME (uma conta do Windows)", "--logon password only goes with --account NAME (a Windows account)");
    public string ReenrollNeedsToken => T("--reenroll precisa de --token (um token novo de POST /api/branches/{id}/enrollment)", "--reenroll needs --token (a new token from POST /api/branches/{id}/enrollment)");
    public string UnsafePath(string path) => T($"o caminho '{path}' não pode ir na linha de comando do agendador (caracteres especiais)", $"the path '{path}' cannot go on the scheduler's command line (special characters)");

    // Dry run and summary
    public string DryRunHeader => T("Simulação (--dry-run): nada foi alterado nesta máquina. A instalação criaria:", "Dry run (--dry-run): nothing was changed on this machine. The install would create:");
    public string ProgramFolder(string path) => T($"  Programa:          {path}", $"  Program:           {path}");
    public string ConfigFile(string path) => T($"  Configuração:      {path}", $"  Configuration:     {path}");
    public string StateFolder(string path, string who) => T($"  Pasta de estado:   {path} (acesso: {who})", $"  State folder:      {path} (access: {who})");
    public string Acl(string folder, string sddl) => T($"  ACL (SDDL):        {sddl} em {folder}", $"  ACL (SDDL):        {sddl} on {folder}");
    public string UnitFolder(string path) => T($"  Units do systemd:  {path}", $"  systemd units:     {path}");
    public string TaskName(string name) => T($"  Tarefa agendada:   {name}", $"  Scheduled task:    {name}");
    public string Account(TaskAccount account) => T($"  Conta:             {AccountText(account)}", $"  Account:           {AccountText(account)}");
    public string Schedule(ProbeSchedule schedule) =>
        T($"  Horários:          todo dia às {Times(schedule)}{Heartbeat(schedule, portuguese: true)}; atraso aleatório de até {Minutes(schedule.RandomDelay)} min; limite de {Hours(schedule.TimeLimit)} h por execução",
          $"  Schedule:          every day at {Times(schedule)}{Heartbeat(schedule, portuguese: false)}; random delay up to {Minutes(schedule.RandomDelay)} min; at most {Hours(schedule.TimeLimit)} h per run");
    private static string Heartbeat(ProbeSchedule schedule, bool portuguese) => (schedule.HeartbeatHours, portuguese) switch
    {
        (0, true) => ", sem batimento",
        (0, false) => ", no heartbeat",
        (1, true) => " e a cada hora",
        (1, false) => " and every hour",
        (var h, true) => $" e a cada {h} horas",
        (var h, false) => $" and every {h} hours",
    };

    public string BadHeartbeat(string text, int max) => T(
        $"'{text}' não é um número de horas entre 0 (sem batimento) e {max}",
        $"'{text}' is not a number of hours from 0 (no heartbeat) to {max}");

    public string Commands => T("Comandos que a instalação executaria:", "Commands the install would run:");
    public string Enrollment(bool withToken) => withToken
        ? T("  Inscrição:         com o token dado, como a conta da tarefa, depois uma primeira execução", "  Enrollment:        with the given token, as the task's account, then a first run")
        : T("  Inscrição:         sem --token: instala e agenda; a inscrição fica para depois", "  Enrollment:        no --token: installs and schedules; enrollment comes later");

    // Failures
    public string NotAdministrator(TargetOs os) => os == TargetOs.Windows
        ? T("a instalação precisa de um Prompt de Comando aberto como Administrador (botão direito > Executar como administrador)", "the install needs a Command Prompt run as Administrator (right click > Run as administrator)")
        : T("a instalação precisa ser feita como root: sudo bkp-probe ...", "the install must run as root: sudo bkp-probe ...");
    public string AccountMissing(string name) => T($"a conta '{name}' não existe nesta máquina: crie-a antes ou omita --account", $"the account '{name}' does not exist on this machine: create it first or leave out --account");
    public string StepFailed(string step, string detail) => T($"a instalação falhou ao {step}: {detail}", $"the install failed to {step}: {detail}");
    public string Undone => T("o que esta instalação tinha feito foi desfeito; o que uma instalação anterior deixou continua como estava", "what this install had done was undone; what an earlier install left is as it was");
    public string UndoFailed(string step, string detail) => T($"não foi possível desfazer ({step}): {detail}; confira à mão", $"could not undo ({step}): {detail}; check by hand");
    public string BranchMismatch(string enrolled, string asked) =>
        T($"esta máquina está inscrita como a filial '{enrolled}'; para passar a ser a filial '{asked}', use --reenroll com um token novo", $"this machine is enrolled as branch '{enrolled}'; to become branch '{asked}', use --reenroll with a new token");
    public string EnrollFailed(string detail) => T($"{detail}. Confira o endereço do coletor e peça um token novo se este já foi usado ou expirou", $"{detail}. Check the collector's address, and ask for a new token if this one was used or expired");

    // Steps (worded to follow "failed to")
    public string StepAccount => T("criar a conta da sonda", "create the probe's account");
    public string StepProgram => T("copiar o programa", "copy the program");
    public string StepConfig => T("gravar probe.json", "write probe.json");
    public string StepState => T("preparar a pasta de estado", "prepare the state folder");
    public string StepSchedule => T("registrar o agendamento", "register the schedule");
    public string StepEnroll => T("inscrever a filial", "enroll the branch");
    public string StepOwner => T("dar a chave à conta da tarefa", "give the key to the task's account");

    // Outcome
    public string Installed(string program, string version) => T($"Sonda {version} instalada em {program}.", $"Probe {version} installed in {program}.");
    public string Upgraded(string program, string version) => T($"Sonda atualizada no lugar para {version} em {program}.", $"Probe upgraded in place to {version} in {program}.");
    public string Scheduled(string what) => T($"Agendamento registrado: {what}.", $"Schedule registered: {what}.");
    public string Enrolled(string branch, string keyId) => T($"Filial {branch} inscrita; chave {keyId}.", $"Branch {branch} enrolled; key {keyId}.");
    public string IdentityKept(string branch, string keyId, bool tokenUnused) => tokenUnused
        ? T($"Identidade mantida: filial {branch}, chave {keyId}; o token não foi usado (--reenroll troca a chave).", $"Identity kept: branch {branch}, key {keyId}; the token was not used (--reenroll replaces the key).")
        : T($"Identidade mantida: filial {branch}, chave {keyId}.", $"Identity kept: branch {branch}, key {keyId}.");
    public string EnrollLater(string command) =>
        T($"Sem token: a sonda está instalada e agendada, mas só envia depois de inscrita. Com o token em mãos, execute:\n  {command}",
          $"No token: the probe is installed and scheduled, but sends nothing until it is enrolled. With the token at hand, run:\n  {command}");
    public string FirstRun => T("Primeira execução:", "First run:");
    public string FirstRunExit(int code, string meaning) => T($"  resultado: código {code} ({meaning})", $"  result: exit code {code} ({meaning})");
    public string FirstRunNotStarted(string detail) => T($"  a primeira execução não começou: {detail}; a próxima execução agendada tenta de novo", $"  the first run did not start: {detail}; the next scheduled run tries again");

    public string RunOutcome(int code) => code switch
    {
        ExitCodes.Ok => T("entregue ao coletor", "delivered to the collector"),
        ExitCodes.NotDelivered => T("não entregue; o manifesto fica na fila e vai na próxima execução", "not delivered; the manifest waits in the spool for the next run"),
        ExitCodes.Refused => T("recusado pelo coletor; veja a mensagem acima", "refused by the collector; see the message above"),
        ExitCodes.BadConfiguration => T("configuração ou chave inutilizável; veja a mensagem acima", "configuration or key unusable; see the message above"),
        ExitCodes.AlreadyRunning => T("outra execução estava em andamento", "another run was in progress"),
        _ => T("erro inesperado; veja a mensagem acima", "unexpected error; see the message above"),
    };

    // Uninstall
    public string NotInstalled(string program, string config) => T($"nada instalado aqui ({program}, {config} não existem)", $"nothing installed here ({program} and {config} do not exist)");
    public string CollectorTold => T("Coletor avisado: a filial aparece como \"sonda desinstalada\".", "Collector told: the branch shows as \"probe uninstalled\".");
    public string CollectorNotTold(string detail) => T($"não foi possível avisar o coletor ({detail}); a desinstalação continua, e o coletor acusará a sonda em silêncio", $"could not tell the collector ({detail}); the uninstall goes on, and the collector will report the probe silent");
    public string Removed(string what) => T($"Removido: {what}", $"Removed: {what}");
    public string RemoveFailed(string what, string detail) => T($"não foi possível remover {what}: {detail}", $"could not remove {what}: {detail}");
    public string RemovedAtReboot(string what) => T($"Em uso agora, apagado na próxima reinicialização: {what}", $"In use now, deleted at the next restart: {what}");
    public string Uninstalled => T("Sonda desinstalada.", "Probe uninstalled.");

    // Status
    public string StatusAccess(string folder, string access) => T($"Acesso ao estado:  {access} ({folder})", $"State access:      {access} ({folder})");
    public string StatusNextRun(string? next) => next is null
        ? T("Próxima execução:  o agendador não respondeu (sonda não instalada? bkp-probe install)", "Next run:          the scheduler did not answer (probe not installed? bkp-probe install)")
        : T($"Próxima execução:  {next}", $"Next run:          {next}");

    public string AccessText(TaskAccount account, TargetOs os) => os == TargetOs.Windows
        ? account.IsSystem ? T("SYSTEM e Administradores", "SYSTEM and Administrators") : T($"{account.Name}, SYSTEM e Administradores", $"{account.Name}, SYSTEM and Administrators")
        : account.IsSystem ? "root" : T($"{account.LinuxUser} e root", $"{account.LinuxUser} and root");

    private string AccountText(TaskAccount account) => account.Logon switch
    {
        TaskLogon.System => T("SYSTEM (conta do sistema; roda com ou sem usuário conectado)", "SYSTEM (the system account; runs whether anyone is logged on or not)"),
        TaskLogon.Password => T($"{account.Name} (senha guardada pelo Agendador; acessa compartilhamentos de rede)", $"{account.Name} (password kept by the Task Scheduler; reaches network shares)"),
        _ => T($"{account.Name} (sem senha guardada; roda com ou sem usuário conectado)", $"{account.Name} (no stored password; runs whether anyone is logged on or not)"),
    };

    private string Times(ProbeSchedule schedule) =>
        string.Join(T(", ", ", "), schedule.Times.Select(t => t.ToString("HH':'mm", CultureInfo.InvariantCulture)));

    private static string Minutes(TimeSpan span) => ((int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture);

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
}
