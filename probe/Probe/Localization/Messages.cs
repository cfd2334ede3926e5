using System.Globalization;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Configuration;

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
    public string BadId(string id) => T($"'{id}' não é um identificador válido (letras, dígitos, '.', '_' ou '-', até 64)", $"'{id}' is not a valid id (letters, digits, '.', '_' or '-', up to 64)");
    public string DuplicateSetId(string id) => T($"o conjunto '{id}' aparece mais de uma vez", $"set '{id}' appears more than once");
    public string BadInteger(string value, int min, int max) => T($"'{value}' deve ser um número inteiro de {min} a {max}", $"'{value}' must be a whole number from {min} to {max}");
    public string BadByteSize(string value) => T($"'{value}' não é um tamanho (exemplos: 500MB, 20GB, 1073741824)", $"'{value}' is not a size (examples: 500MB, 20GB, 1073741824)");
    public string BadLanguage(string value) => T($"'{value}' não é um idioma suportado (pt-BR ou en)", $"'{value}' is not a supported language (pt-BR or en)");
    public string BadSetArgument(string value) => T($"'{value}' deve ter a forma ID=PASTA", $"'{value}' must have the form ID=FOLDER");
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
}
