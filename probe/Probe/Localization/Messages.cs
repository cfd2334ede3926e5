using System.Globalization;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Delivery;

namespace MonitoramentoBKP.Probe.Localization;

/// <summary>
/// Every sentence the probe shows a person, in Brazilian Portuguese (default) and English. Kept in code
/// rather than resource files so the single-file and NativeAOT builds carry no satellite assemblies.
/// </summary>
public sealed class Messages(Language language)
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
    public string NoSets => T("nenhum conjunto de backup configurado (em probe.json \"sets\" ou --set ID=PASTA)", "no backup set configured (probe.json \"sets\" or --set ID=FOLDER)");
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
        T("o endereço do coletor não pode ter usuário, '?' nem '#'; a chave vai em \"collectorKey\"", "the collector address must not carry a user, '?' or '#'; the key goes in \"collectorKey\"");
    public string BadCollectorKey => T("a chave deve ser um texto não vazio, sem espaços nem acentos", "the key must be a non-empty string without spaces or non-ASCII characters");
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
    public string CannotWriteOutput(string path, string detail) => T($"não foi possível gravar {path}: {detail}", $"could not write {path}: {detail}");
    public string CacheRebuilt(string detail) => T($"aviso: cache de hashes descartado e reconstruído ({detail})", $"warning: hash cache discarded and rebuilt ({detail})");
    public string Sending => T("Enviando o manifesto ao coletor…", "Sending the manifest to the collector…");
    public string Delivered(Guid runId, bool alreadyAccepted) => alreadyAccepted
        ? T($"Manifesto entregue: o coletor já tinha recebido a execução {runId}", $"Manifest delivered: the collector already had run {runId}")
        : T($"Manifesto entregue ao coletor (execução {runId})", $"Manifest delivered to the collector (run {runId})");
    public string NotDelivered(DeliveryResult result) =>
        T($"manifesto NÃO entregue ao coletor após {result.Attempts} tentativa(s): {Why(result)}", $"manifest NOT delivered to the collector after {result.Attempts} attempt(s): {Why(result)}");
    public string Refused(DeliveryResult result) =>
        T($"o coletor RECUSOU o manifesto: {Why(result)}", $"the collector REFUSED the manifest: {Why(result)}");
    public string CannotPackage(string detail) => T($"manifesto não entregue: não foi possível prepará-lo para envio: {detail}", $"manifest not delivered: it could not be prepared for sending: {detail}");

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
}
