using System.Globalization;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Identity;

namespace MonitoramentoBKP.Probe.Localization;

/// <summary>
/// Every sentence the probe shows a person, in Brazilian Portuguese (default) and English. Kept in code
/// rather than resource files so the single-file and NativeAOT builds carry no satellite assemblies.
/// </summary>
public sealed partial class Messages(Language language)
{
    // Built by hand: the probe runs with invariant globalization (no ICU on a stripped server), so no pt-BR culture data.
    private static readonly NumberFormatInfo PtBrNumbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    public Language Language { get; } = language;

    public IFormatProvider Culture => Language == Language.English ? CultureInfo.InvariantCulture : PtBrNumbers;

    private string T(string pt, string en) => Language == Language.English ? en : pt;

    // Configuration
    public string Required => T("obrigatório", "required");
    public string UnknownKey(IEnumerable<string> expected) =>
        T($"chave desconhecida; as válidas aqui são: {string.Join(", ", expected)}", $"unknown key; valid keys here are: {string.Join(", ", expected)}");
    public string ExpectedString => T("deve ser um texto", "must be a string");
    public string ExpectedBoolean => T("deve ser true ou false", "must be true or false");
    public string ExpectedArrayOfStrings => T("deve ser uma lista de textos", "must be a list of strings");
    public string ExpectedObject => T("deve ser um objeto JSON", "must be a JSON object");
    public string ExpectedSetList => T("deve ser uma lista de conjuntos de backup", "must be a list of backup sets");
    public string NoSets => T("nenhum conjunto de backup configurado para uma verificação local (em probe.json \"sets\" ou --set ID=PASTA); 'bkp-probe run' usa os conjuntos do cadastro no coletor",
        "no backup set configured for a local scan (probe.json \"sets\" or --set ID=FOLDER); 'bkp-probe run' uses the sets of the registry on the collector");
    public string BadId(string id) =>
        T($"'{Printable(id)}' não é um identificador válido (letras, dígitos, '.', '_' ou '-', até 64)", $"'{Printable(id)}' is not a valid id (letters, digits, '.', '_' or '-', up to 64)");
    public string TooManySets(int count, int max) =>
        T($"{count} conjuntos de backup; o manifesto leva no máximo {max}", $"{count} backup sets; a manifest carries at most {max}");
    public string RootTooLong(int length, int max) =>
        T($"a pasta tem {length.ToString("N0", PtBrNumbers)} caracteres; o máximo é {max.ToString("N0", PtBrNumbers)}",
          $"the folder is {length.ToString("N0", CultureInfo.InvariantCulture)} characters long; at most {max.ToString("N0", CultureInfo.InvariantCulture)} are allowed");
    public string RootWithNul => T("não é um caminho de pasta utilizável: contém o caractere U+0000", "is not a usable folder path: it contains the character U+0000");
    public string DuplicateSetId(string id) => T($"o conjunto '{id}' aparece mais de uma vez", $"set '{id}' appears more than once");
    public string BadInteger(string value, int min, int max) => T($"'{value}' deve ser um número inteiro de {min} a {max}", $"'{value}' must be a whole number from {min} to {max}");
    public string BadByteSize(string value) => T($"'{value}' não é um tamanho (exemplos: 500MB, 20GB, 1073741824)", $"'{value}' is not a size (examples: 500MB, 20GB, 1073741824)");
    public string BadLanguage(string value) => T($"'{value}' não é um idioma suportado (pt-BR ou en)", $"'{value}' is not a supported language (pt-BR or en)");
    public string BadSetArgument(string value) => T($"'{value}' deve ter a forma ID=PASTA", $"'{value}' must have the form ID=FOLDER");
    public string BadCollectorUrl(string value) =>
        T($"'{value}' não é um endereço http:// ou https:// completo (ex.: https://coletor.exemplo.com.br)", $"'{value}' is not a complete http:// or https:// address (e.g. https://collector.example.com)");
    public string CollectorUrlWithExtras =>
        T("o endereço do coletor não pode ter usuário, '?' nem '#': a sonda se identifica pela chave da filial (bkp-probe enroll)", "the collector address must not carry a user, '?' or '#': the probe proves who it is with the branch's key (bkp-probe enroll)");
    public string CollectorUrlRequired =>
        T("obrigatório para 'run': o endereço do coletor (\"collectorUrl\" em probe.json, BKP_COLLECTOR_URL ou --collector URL)",
          "required by 'run': the collector's address (probe.json \"collectorUrl\", BKP_COLLECTOR_URL or --collector URL)");
    public string BadFolder(string value) =>
        T($"'{OneLine(value)}' não é um caminho de pasta utilizável", $"'{OneLine(value)}' is not a usable folder path");

    /// <summary>A value of probe.json, a BKP_* variable or an option that cannot be used, in the reader's terms.</summary>
    public string Value(ValueProblem problem)
    {
        var v = problem.ShownValue;
        return problem.Kind switch
        {
            ValueProblemKind.Required => Required,
            ValueProblemKind.UnknownKey => UnknownKey(problem.Choices),
            ValueProblemKind.NotObject => ExpectedObject,
            ValueProblemKind.NotList => T("deve ser uma lista", "must be a list"),
            ValueProblemKind.NotString => ExpectedString,
            ValueProblemKind.Empty => T("obrigatório: não pode ser vazio", "required: must not be empty"),
            ValueProblemKind.NotBoolean => ExpectedBoolean,
            ValueProblemKind.NotWholeNumber => BadInteger(v ?? "", (int)problem.Min, (int)problem.Max),
            ValueProblemKind.NotSize => BadByteSize(v ?? ""),
            ValueProblemKind.NotOneOf when v is null =>
                T($"deve ser um texto: {ValueProblem.Alternatives(problem.Choices, "ou")}", $"must be a string, {ValueProblem.Alternatives(problem.Choices, "or")}"),
            ValueProblemKind.NotOneOf when problem.Noun == "language" => BadLanguage(v),
            ValueProblemKind.NotOneOf => T($"'{v}' não é aceito aqui ({string.Join(", ", problem.Choices)})", $"'{v}' is not accepted here ({string.Join(", ", problem.Choices)})"),
            ValueProblemKind.NotId => BadId(v ?? ""),
            _ => T(problem.Message, problem.Message),
        };
    }

    public string ConfigNotFound(string path) => T($"arquivo de configuração não encontrado: {path}", $"configuration file not found: {path}");
    public string ConfigUnreadable(string detail) => T($"não foi possível ler: {detail}", $"could not be read: {detail}");
    public string ConfigNotJson(long line, long position, string detail) =>
        T($"JSON inválido na linha {line}, coluna {position}: {detail}", $"invalid JSON at line {line}, column {position}: {detail}");

    public string Glob(GlobProblem problem, string pattern) => problem switch
    {
        GlobProblem.Empty => T("padrão vazio", "empty pattern"),
        GlobProblem.Absolute => T($"'{pattern}' é absoluto; os padrões são relativos à pasta do conjunto", $"'{pattern}' is absolute; patterns are relative to the set's folder"),
        GlobProblem.EmptySegment => T($"'{pattern}' tem um nome de pasta vazio ('//' ou '/' no fim)", $"'{pattern}' has an empty folder name ('//' or a trailing '/')"),
        GlobProblem.ParentSegment => T($"'{pattern}' sai da pasta do conjunto com '..'", $"'{pattern}' climbs out of the set's folder with '..'"),
        GlobProblem.DoubleStarNotAlone => T($"'{pattern}': '**' deve ficar sozinho entre barras (ex.: 'sql/**/*.bak')", $"'{pattern}': '**' must stand alone between slashes (e.g. 'sql/**/*.bak')"),
        GlobProblem.EmptyClass => T($"'{pattern}' tem uma classe de caracteres vazia '[]'", $"'{pattern}' has an empty character class '[]'"),
        GlobProblem.UnclosedClass => T($"'{pattern}' abre '[' sem fechar", $"'{pattern}' opens '[' without closing it"),
        GlobProblem.NestedBraces => T($"'{pattern}' tem '{{' dentro de '{{'", $"'{pattern}' nests '{{' inside '{{'"),
        GlobProblem.UnopenedBrace => T($"'{pattern}' fecha '}}' sem ter aberto", $"'{pattern}' closes '}}' that was never opened"),
        GlobProblem.UnclosedBrace => T($"'{pattern}' abre '{{' sem fechar", $"'{pattern}' opens '{{' without closing it"),
        GlobProblem.SlashInGroup => T($"'{pattern}' tem '/' dentro de '[...]' ou '{{...}}'", $"'{pattern}' has '/' inside '[...]' or '{{...}}'"),
        _ => pattern,
    };

    // Command line and run
    public string AlreadyRunning(string stateDirectory) =>
        T($"outra execução da sonda já está em andamento (trava em {stateDirectory})", $"another probe run is already in progress (lock in {stateDirectory})");
    public string PriorityNotLowered(string detail) =>
        T($"aviso: a prioridade da sonda não pôde ser reduzida ({detail}); a execução segue na prioridade atual", $"warning: the probe's priority could not be lowered ({detail}); the run goes on at its current priority");
    public string CannotWriteOutput(string path, string detail) => T($"não foi possível gravar {path}: {detail}", $"could not write {path}: {detail}");
    public string CacheRebuilt(string detail) => T($"aviso: cache de hashes descartado e reconstruído ({detail})", $"warning: hash cache discarded and rebuilt ({detail})");
    public string PolicyFromCollector(string version, int sets) =>
        T($"conjuntos da política do coletor (versão {version}, {sets} conjunto(s))", $"sets from the collector's policy (version {version}, {sets} set(s))");
    public string PolicyFromCache(string version, string problem) =>
        T($"o coletor não respondeu pela política ({problem}); usando a cópia guardada (versão {version})", $"the collector did not answer for the policy ({problem}); using the kept copy (version {version})");
    public string LocalSetsIgnored(string source) =>
        T($"os conjuntos de {source} foram ignorados: vale a política do coletor (cadastro das filiais)", $"the sets in {source} were ignored: the collector's policy (the branch registry) applies");
    public string LocalSetsUsed(string source) => T($"usando os conjuntos de {source}", $"using the sets from {source}");
    public string PolicyUnavailable(string problem, string collector) =>
        T($"sem conjuntos para verificar: o coletor {collector} não entregou a política ({problem}), não há cópia guardada e probe.json não lista conjuntos",
          $"no sets to scan: the collector {collector} did not give the policy ({problem}), there is no kept copy and probe.json lists no sets");
    public string BadPolicy(string problem) => T($"a política do coletor não pôde ser usada: {problem}", $"the collector's policy could not be used: {problem}");
    public string Enrolled(string branch, string keyId, string config) =>
        T($"Filial {branch} inscrita no coletor; chave {keyId}. Configuração gravada em {config}.", $"Branch {branch} enrolled with the collector; key {keyId}. Settings written to {config}.");
    public string EnrollRefused(string detail) => T($"o coletor recusou a inscrição: {detail}", $"the collector refused the enrollment: {detail}");
    public string EnrollUnreachable(string collector, string detail) =>
        T($"o coletor {collector} não respondeu à inscrição ({detail}); nada foi alterado", $"the collector {collector} did not answer the enrollment ({detail}); nothing was changed");
    public string EnrollNeeds => T("enroll precisa de --collector URL, --branch ID e --token TOKEN (o token vem de POST /api/branches/{id}/enrollment)",
        "enroll needs --collector URL, --branch ID and --token TOKEN (the token comes from POST /api/branches/{id}/enrollment)");
    public string CannotWriteConfig(string path, string detail) => T($"não foi possível gravar {path}: {detail}", $"could not write {path}: {detail}");
    public string StatusBranch(string branch) => T($"Filial:            {branch}", $"Branch:            {branch}");
    public string StatusKey(string keyId, string path) => T($"Chave:             {keyId} ({path})", $"Key:               {keyId} ({path})");
    public string StatusKeyProblem(string problem) => T($"Chave:             {problem}", $"Key:               {problem}");
    public string StatusCollector(string url) => T($"Coletor:           {url}", $"Collector:         {url}");
    public string StatusNoCollector => T("Coletor:           (não configurado: execute bkp-probe enroll)", "Collector:         (not set: run bkp-probe enroll)");
    public string StatusPolicy(string? version, int sets) => version is null
        ? T("Política:          nenhuma guardada ainda", "Policy:            none kept yet")
        : T($"Política:          versão {version}, {sets} conjunto(s)", $"Policy:            version {version}, {sets} set(s)");
    public string StatusClock(TimeSpan offset) => offset == TimeSpan.Zero
        ? T("Relógio:           de acordo com o coletor", "Clock:             agrees with the collector")
        : T($"Relógio:           {Describe(offset.Duration())} {(offset > TimeSpan.Zero ? "atrasado" : "adiantado")} em relação ao coletor (corrigido nas assinaturas)",
            $"Clock:             {Describe(offset.Duration())} {(offset > TimeSpan.Zero ? "behind" : "ahead of")} the collector (corrected when signing)");
    public string StatusSpool(SpoolStatus spool) => spool.Count == 0
        ? T($"Fila:              vazia{Refused(spool.RefusedCount)}", $"Spool:             empty{Refused(spool.RefusedCount)}")
        : T($"Fila:              {spool.Count} manifesto(s) por enviar, {Bytes(spool.TotalBytes)}, o mais antigo de {Moment(spool.OldestFinishedUtc!.Value)}{Refused(spool.RefusedCount)}",
            $"Spool:             {spool.Count} manifest(s) to send, {Bytes(spool.TotalBytes)}, the oldest from {Moment(spool.OldestFinishedUtc!.Value)}{Refused(spool.RefusedCount)}");
    public string StatusDropped(SpoolDropReport drop) =>
        T($"Descartados:       {drop.Count} manifesto(s) de {Moment(drop.FirstFinishedUtc)} a {Moment(drop.LastFinishedUtc)}, ainda não informados ao coletor",
          $"Dropped:           {drop.Count} manifest(s) from {Moment(drop.FirstFinishedUtc)} to {Moment(drop.LastFinishedUtc)}, not yet reported to the collector");
    public string StatusRunsHeader => T("Últimas execuções:", "Last runs:");
    public string StatusNoRuns => T("  nenhuma ainda", "  none yet");
    public string StatusRun(RunRecord run) =>
        $"  {Moment(run.FinishedUtc)}  {run.RunId:D}  {RunOutcome(run.Outcome)} (exit {run.ExitCode}){(run.LeftUnsent > 0 ? T($", {run.LeftUnsent} na fila", $", {run.LeftUnsent} in the spool") : "")}{(run.Detail is { } d ? ": " + d : "")}";

    private string RunOutcome(string outcome) => outcome switch
    {
        "delivered" => T("entregue", "delivered"),
        "refused" => T("recusado", "refused"),
        "not-spooled" => T("não guardado na fila", "not spooled"),
        _ => T("não entregue", "not delivered"),
    };

    private string Refused(int count) => count == 0 ? "" : T($"; {count} recusado(s) em spool/refused", $"; {count} refused in spool/refused");

    private string Moment(DateTime utc) => utc.ToLocalTime().ToString(Language == Language.English ? "yyyy-MM-dd HH:mm" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private string Describe(TimeSpan span) => span >= TimeSpan.FromHours(1)
        ? string.Create(Culture, $"{span.TotalHours:0.#} h")
        : string.Create(Culture, $"{Math.Round(span.TotalMinutes):0} min");

    public string Sending => T("Enviando o manifesto ao coletor…", "Sending the manifest to the collector…");
    public string Delivered(Guid runId, bool alreadyAccepted) => alreadyAccepted
        ? T($"Manifesto entregue: o coletor já tinha recebido a execução {runId}", $"Manifest delivered: the collector already had run {runId}")
        : T($"Manifesto entregue ao coletor (execução {runId})", $"Manifest delivered to the collector (run {runId})");
    public string NotDelivered(DeliveryResult result) =>
        T($"manifesto NÃO entregue ao coletor após {result.Attempts} tentativa(s): {Why(result)}", $"manifest NOT delivered to the collector after {result.Attempts} attempt(s): {Why(result)}");
    public string Refused(DeliveryResult result) =>
        T($"o coletor RECUSOU o manifesto: {Why(result)}", $"the collector REFUSED the manifest: {Why(result)}");
    public string CannotSpool(string folder, string detail, bool diskFull) => diskFull
        ? T($"manifesto NÃO guardado na fila de envio ({folder}): o disco está cheio; libere espaço. Os manifestos que já estavam na fila continuam intactos.",
            $"manifest NOT kept in the outbox ({folder}): the disk is full; free some space. The manifests already in the outbox are intact.")
        : T($"manifesto NÃO guardado na fila de envio ({folder}): {OneLine(detail)}. Os manifestos que já estavam na fila continuam intactos.",
            $"manifest NOT kept in the outbox ({folder}): {OneLine(detail)}. The manifests already in the outbox are intact.");
    public string SpoolUnusable(string folder, string detail) =>
        T($"a fila de envio ({folder}) não pôde ser aberta: {OneLine(detail)}", $"the outbox ({folder}) could not be opened: {OneLine(detail)}");
    public string SpoolDropped(SpoolDropReport dropped, SpoolLimits limits) =>
        T($"aviso: fila de envio cheia (até {limits.MaxEntries.ToString("N0", PtBrNumbers)} manifestos e {Bytes(limits.MaxBytes)}): {Manifests(dropped.Count)} mais antigo(s) descartado(s) sem envio ({Range(dropped)}); o coletor será informado",
          $"warning: outbox full (up to {limits.MaxEntries.ToString("N0", CultureInfo.InvariantCulture)} manifests and {Bytes(limits.MaxBytes)}): the {Manifests(dropped.Count)} dropped unsent were the oldest ({Range(dropped)}); the collector will be told");
    public string DeliveredFromSpool(Guid runId, DateTime finishedUtc) =>
        T($"Manifesto pendente entregue ao coletor (execução {runId} de {When(finishedUtc)})", $"Pending manifest delivered to the collector (run {runId} of {When(finishedUtc)})");
    public string RefusedFromSpool(Guid runId, DateTime finishedUtc, DeliveryResult result, string? keptIn) =>
        T($"o coletor RECUSOU o manifesto pendente da execução {runId} de {When(finishedUtc)}: {Why(result)}; " + (keptIn is null ? "ele continua na fila" : $"guardado em {keptIn}"),
          $"the collector REFUSED the pending manifest of run {runId} of {When(finishedUtc)}: {Why(result)}; " + (keptIn is null ? "it stays in the outbox" : $"kept in {keptIn}"));
    public string LeftInSpool(int count) =>
        T($"{Manifests(count)} na fila de envio para a próxima execução", $"{Manifests(count)} kept in the outbox for the next run");

    private string Manifests(int count) => T(
        count == 1 ? "1 manifesto" : $"{count.ToString("N0", PtBrNumbers)} manifestos",
        count == 1 ? "1 manifest" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} manifests");

    private string When(DateTime utc) => utc.ToLocalTime().ToString(Language == Language.English ? "yyyy-MM-dd HH:mm" : "dd/MM/yyyy HH:mm", Culture);

    private string Range(SpoolDropReport dropped) => dropped.FirstFinishedUtc == dropped.LastFinishedUtc
        ? When(dropped.FirstFinishedUtc)
        : T($"de {When(dropped.FirstFinishedUtc)} a {When(dropped.LastFinishedUtc)}", $"from {When(dropped.FirstFinishedUtc)} to {When(dropped.LastFinishedUtc)}");


    private string Why(DeliveryResult result)
    {
        if (result.TimedOut)
        {
            return T("sem resposta no tempo limite", "no answer in time");
        }

        if (result.StatusCode is not { } status)
        {
            return OneLine(result.Error ?? T("sem resposta", "no answer"));
        }

        var said = string.Join(": ", new[] { result.Title, result.Detail }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => OneLine(s!)));
        return said.Length == 0 ? $"HTTP {status}" : $"HTTP {status}: {said}";
    }

    /// <summary>Text from the network goes into a one-line log: no line breaks or control characters, and not too long.</summary>
    private static string OneLine(string text)
    {
        var clean = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return clean.Length <= 300 ? clean : clean[..300] + "…";
    }

    public string UnexpectedError(string logPath) => T($"erro inesperado; detalhes em {logPath}", $"unexpected error; details in {logPath}");

    // The probe's key (Identity/ProbeKeyStore)
    /// <summary>One line naming the key file, what is wrong with it and the fix; <paramref name="detail"/> is the system's reason, the file's mode or the key's kind.</summary>
    public string Key(ProbeKeyProblem problem, string path, string? detail)
    {
        var file = Printable(path);
        var why = detail is null ? "" : $" ({OneLine(detail)})";
        return problem switch
        {
            ProbeKeyProblem.Missing => T($"chave da sonda não encontrada: {file}; execute bkp-probe enroll", $"probe key not found: {file}; run bkp-probe enroll"),
            ProbeKeyProblem.Unreadable => T($"não foi possível ler a chave da sonda {file}{why}; verifique se a conta da tarefa agendada pode ler o arquivo",
                $"could not read the probe key {file}{why}; check that the scheduled task's account can read the file"),
            ProbeKeyProblem.TooOpen => T($"a chave da sonda {file} pode ser acessada por outros usuários (permissões {detail}); execute chmod 600 {ShellWord(file)}",
                $"the probe key {file} is accessible to other users (mode {detail}); run chmod 600 {ShellWord(file)}"),
            ProbeKeyProblem.Corrupt => T($"a chave da sonda {file} está danificada (não é uma chave privada PKCS#8); execute bkp-probe enroll para gerar outra",
                $"the probe key {file} is damaged (not a PKCS#8 private key); run bkp-probe enroll to make a new one"),
            ProbeKeyProblem.NotThisAccount => T($"a chave da sonda {file} não pode ser aberta por esta conta neste computador (danificada, ou criada por outra conta ou em outra máquina); execute bkp-probe enroll com a conta da tarefa agendada",
                $"the probe key {file} cannot be opened by this account on this computer (damaged, or made by another account or on another machine); run bkp-probe enroll as the scheduled task's account"),
            ProbeKeyProblem.NotP256 => T($"a chave da sonda {file} não é ECDSA P-256{why}; execute bkp-probe enroll para gerar uma nova",
                $"the probe key {file} is not ECDSA P-256{why}; run bkp-probe enroll to make a new one"),
            _ => T($"não foi possível gravar a chave da sonda em {file}{why}; verifique se esta conta pode gravar na pasta",
                $"could not write the probe key to {file}{why}; check that this account can write to the folder"),
        };
    }

    // Progress and summary
    public string Progress(long files, long totalFiles, long bytes, double bytesPerSecond) =>
        T($"Verificando: {files.ToString("N0", Culture)}/{totalFiles.ToString("N0", Culture)} arquivos · {Bytes(bytes)} · {Bytes((long)bytesPerSecond)}/s",
          $"Checking: {files.ToString("N0", Culture)}/{totalFiles.ToString("N0", Culture)} files · {Bytes(bytes)} · {Bytes((long)bytesPerSecond)}/s");

    public string SummaryHeader(string setId, string root) => T($"Conjunto {setId} ({root})", $"Set {setId} ({root})");
    public string SetMissing => T("  PASTA NÃO ENCONTRADA", "  FOLDER NOT FOUND");
    public string SetUnreadable(string detail) => T($"  PASTA ILEGÍVEL: {detail}", $"  FOLDER UNREADABLE: {detail}");
    public string SetEmpty => T("  PASTA VAZIA: nenhum arquivo de backup", "  EMPTY FOLDER: no backup file");
    public string SetCounts(int files, long bytes, long? freeBytes) =>
        T($"  {files.ToString("N0", Culture)} arquivos, {Bytes(bytes)}" + (freeBytes is { } f ? $"; livre no disco: {Bytes(f)}" : ""),
          $"  {files.ToString("N0", Culture)} files, {Bytes(bytes)}" + (freeBytes is { } g ? $"; free on disk: {Bytes(g)}" : ""));
    public string Newest(string path, DateTime lastWriteUtc, long size) =>
        T($"  Mais recente: {path} ({Bytes(size)}, {lastWriteUtc.ToLocalTime().ToString("dd/MM/yyyy HH:mm", Culture)})",
          $"  Newest: {path} ({Bytes(size)}, {lastWriteUtc.ToLocalTime().ToString("yyyy-MM-dd HH:mm", Culture)})");
    public string FileProblem(string path, ProblemReport problem) => $"  ! {path}: {Problem(problem.Code)}" + (problem.Detail is null ? "" : $" ({problem.Detail})");
    public string ArchiveCorrupt(string path, string? reason) => T($"  ✗ {path}: arquivo compactado CORROMPIDO: {reason}", $"  ✗ {path}: archive CORRUPT: {reason}");
    public string ContentChanged(string path) =>
        T($"  ✗ {path}: o conteúdo mudou sem mudar data nem tamanho (corrompido ou adulterado)", $"  ✗ {path}: content changed without its date or size changing (corrupted or tampered with)");
    public string Skipped(string path, ProblemReport problem) => T($"  – {path}: não percorrido: {Problem(problem.Code)}", $"  – {path}: not entered: {Problem(problem.Code)}");
    public string Totals(int hashed, long hashedBytes, int fromCache, TimeSpan elapsed) =>
        T($"Lidos {hashed.ToString("N0", Culture)} arquivos ({Bytes(hashedBytes)}), {fromCache.ToString("N0", Culture)} do cache, em {elapsed.TotalSeconds.ToString("N1", Culture)} s",
          $"Read {hashed.ToString("N0", Culture)} files ({Bytes(hashedBytes)}), {fromCache.ToString("N0", Culture)} from cache, in {elapsed.TotalSeconds.ToString("N1", Culture)} s");

    public string Problem(ProblemCode code) => code switch
    {
        ProblemCode.NotFound => T("não encontrado", "not found"),
        ProblemCode.AccessDenied => T("acesso negado", "access denied"),
        ProblemCode.Locked => T("em uso por outro programa", "in use by another program"),
        ProblemCode.InProgress => T("ainda sendo gravado", "still being written"),
        ProblemCode.BrokenLink => T("atalho (link) quebrado", "broken link"),
        ProblemCode.LinkCycle => T("link para pasta já percorrida", "link to a folder already scanned"),
        _ => T("erro de leitura", "read error"),
    };

    public string Bytes(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return unit == 0 ? $"{bytes.ToString("N0", Culture)} B" : $"{value.ToString("N1", Culture)} {units[unit]}";
    }

    /// <summary>A refused value as one line: control characters (a trailing newline, say) shown as '?'.</summary>
    private static string Printable(string value) => string.Concat(value.Select(c => char.IsControl(c) ? '?' : c));

    /// <summary>A path as a POSIX shell reads it in a command to copy: quoted only when it has to be.</summary>
    private static string ShellWord(string path) =>
        path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ',' or ':' or '@' or '%')
            ? path
            : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
