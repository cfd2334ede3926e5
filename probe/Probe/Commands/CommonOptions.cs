using System.CommandLine;
using MonitoramentoBKP.Probe.Configuration;

namespace MonitoramentoBKP.Probe.Commands;

/// <summary>The settings every command accepts; each one overrides its BKP_* variable and its probe.json key.</summary>
public sealed class CommonOptions
{
    private readonly Option<string?> _config = new("--config", "-c") { Description = "probe.json (BKP_CONFIG)" };
    private readonly Option<string?> _branch = new("--branch") { Description = "Identificador da filial / branch id (BKP_BRANCH_ID)" };
    private readonly Option<string?> _stateDir = new("--state-dir") { Description = "Pasta de estado: cache e trava / state folder: cache and lock (BKP_STATE_DIR)" };
    private readonly Option<string?> _parallel = new("--parallel") { Description = "Arquivos pequenos lidos ao mesmo tempo / small files hashed at once (BKP_PARALLEL)" };
    private readonly Option<string?> _largeParallel = new("--large-parallel") { Description = "Arquivos grandes (>= 64 MiB) lidos ao mesmo tempo, padrão 1 / large files hashed at once, default 1 (BKP_LARGE_FILE_PARALLEL)" };
    private readonly Option<string?> _budget = new("--reverify-budget") { Description = "Bytes já conhecidos relidos por execução, ex. 20GB / known bytes re-read per run (BKP_REVERIFY_BUDGET)" };
    private readonly Option<string?> _lang = new("--lang") { Description = "pt-BR (padrão) ou en (BKP_LANG)" };
    private readonly Option<string?> _collector = new("--collector") { Description = "Endereço do coletor, ex. https://coletor.exemplo.com.br / collector address (BKP_COLLECTOR_URL)" };
    private readonly Option<string?> _keyFile = new("--key-file") { Description = "Chave privada da filial, criada por enroll; padrão <estado>/probe.key / the branch's private key, made by enroll (BKP_KEY_FILE)" };
    private readonly Option<string[]> _set = new("--set") { Description = "Conjunto avulso ID=PASTA, substitui os de probe.json / ad-hoc set ID=FOLDER", AllowMultipleArgumentsPerToken = false };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _config, _branch, _stateDir, _parallel, _largeParallel, _budget, _lang, _collector, _keyFile, _set })
        {
            command.Options.Add(option);
        }
    }

    public ConfigOverrides Read(ParseResult parse) => new()
    {
        ConfigPath = parse.GetValue(_config),
        BranchId = parse.GetValue(_branch),
        StateDirectory = parse.GetValue(_stateDir),
        Parallel = parse.GetValue(_parallel),
        LargeFileParallel = parse.GetValue(_largeParallel),
        ReverifyBudget = parse.GetValue(_budget),
        Language = parse.GetValue(_lang),
        CollectorUrl = parse.GetValue(_collector),
        KeyFile = parse.GetValue(_keyFile),
        Sets = parse.GetValue(_set) ?? [],
    };
}
