using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Tests.Cli;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Configuration;

/// <summary>Every key of probe.json and every BKP_* variable read the same way: wrong type, out of range or empty is one line naming it.</summary>
public sealed class ConfigValueTests : IDisposable
{
    private const string OneSet = "\"sets\": [ { \"id\": \"sql\", \"root\": \"backup\" } ]";

    private readonly TempTree _tree = new();
    private readonly Dictionary<string, string> _environment = [];

    public void Dispose() => _tree.Dispose();

    private string ProbeJson => Path.Combine(_tree.Root, "probe.json");

    private ProbeConfig Load(string json, ConfigOverrides? cli = null)
    {
        _tree.File("probe.json", json);
        return ConfigLoader.Load(cli ?? new ConfigOverrides(), name => _environment.GetValueOrDefault(name), _tree.Root);
    }

    private ConfigException Refused(string json, ConfigOverrides? cli = null) => Assert.Throws<ConfigException>(() => Load(json, cli));

    [Theory]
    [InlineData(null, "deve ser um texto: 'pt-BR' ou 'en'")]
    [InlineData("en", "must be a string, 'pt-BR' or 'en'")]
    public void A_language_that_is_not_a_string_is_refused_naming_language_in_probe_json(string? cliLanguage, string words)
    {
        var error = Refused($$"""{ "language": 5, {{OneSet}} }""", new ConfigOverrides { Language = cliLanguage });

        Assert.Equal(ProbeJson, error.Origin);
        Assert.Equal("language", error.Field);
        Assert.Equal(words, error.Problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("en")]
    public void The_probe_exits_2_with_one_line_for_a_language_that_is_a_number(string? cliLanguage)
    {
        _tree.File("probe.json", $$"""{ "language": 5, {{OneSet}} }""");

        var result = cliLanguage is null ? ProbeProcess.Run(_tree.Root, "scan") : ProbeProcess.Run(_tree.Root, "scan", "--lang", cliLanguage);

        Assert.Equal(ExitCodes.BadConfiguration, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"bkp-probe: {ProbeJson}: language: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("environment", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"branchId\": 5", "branchId", "deve ser um texto")]
    [InlineData("\"branchId\": null", "branchId", "deve ser um texto")]
    [InlineData("\"branchId\": \"\"", "branchId", "não é um identificador válido")]
    [InlineData("\"branchId\": \"F042\\n\"", "branchId", "'F042\\n' não é um identificador válido")]
    [InlineData("\"stateDirectory\": \"\"", "stateDirectory", "não pode ser vazio")]
    [InlineData("\"stateDirectory\": 7", "stateDirectory", "deve ser um texto")]
    [InlineData("\"stateDirectory\": \"a\\u0000b\"", "stateDirectory", "não é um caminho de pasta utilizável")]
    [InlineData("\"language\": \"fr\"", "language", "'fr' não é um idioma suportado")]
    [InlineData("\"language\": \"\"", "language", "não é um idioma suportado")]
    [InlineData("\"parallel\": \"5\"", "parallel", "'5' deve ser um número inteiro de 1 a 64")]
    [InlineData("\"parallel\": 1.5", "parallel", "de 1 a 64")]
    [InlineData("\"parallel\": 65", "parallel", "de 1 a 64")]
    [InlineData("\"parallel\": 1e400", "parallel", "de 1 a 64")]
    [InlineData("\"largeFileParallel\": 0", "largeFileParallel", "de 1 a 64")]
    [InlineData("\"reverifyBudget\": -1", "reverifyBudget", "não é um tamanho")]
    [InlineData("\"reverifyBudget\": \"99999999999TB\"", "reverifyBudget", "não é um tamanho")]
    [InlineData("\"reverifyBudget\": true", "reverifyBudget", "não é um tamanho")]
    [InlineData("\"collectorUrl\": \"\"", "collectorUrl", "não é um endereço")]
    [InlineData("\"keyFile\": 5", "keyFile", "deve ser um texto")]
    public void A_bad_top_level_value_is_refused_naming_its_key(string member, string field, string words)
    {
        var error = Refused($$"""{ {{member}}, {{OneSet}} }""");

        Assert.Equal(ProbeJson, error.Origin);
        Assert.Equal(field, error.Field);
        Assert.Contains(words, error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("""{ "sets": "sql" }""", "sets", "deve ser uma lista")]
    [InlineData("""{ "sets": [ null ] }""", "sets[0]", "objeto")]
    [InlineData("""{ "sets": [ { "id": 5, "root": "b" } ] }""", "sets[0].id", "deve ser um texto")]
    [InlineData("""{ "sets": [ { "id": "sql\n", "root": "b" } ] }""", "sets[0].id", "não é um identificador válido")]
    [InlineData("""{ "sets": [ { "id": "sql", "root": 5 } ] }""", "sets[0].root", "deve ser um texto")]
    [InlineData("""{ "sets": [ { "id": "sql", "root": "  " } ] }""", "sets[0].root", "não pode ser vazio")]
    [InlineData("""{ "sets": [ { "id": "sql", "root": "b", "include": "*.bak" } ] }""", "sets[0].include", "deve ser uma lista")]
    [InlineData("""{ "sets": [ { "id": "sql", "root": "b", "exclude": [null] } ] }""", "sets[0].exclude[0]", "deve ser um texto")]
    [InlineData("""{ "sets": [ { "id": "sql", "root": "b", "recurse": null } ] }""", "sets[0].recurse", "true ou false")]
    public void A_bad_set_value_is_refused_at_its_json_path(string json, string field, string words)
    {
        var error = Refused(json);

        Assert.Equal(field, error.Field);
        Assert.Contains(words, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BKP_PARALLEL", "")]
    [InlineData("BKP_PARALLEL", "0")]
    [InlineData("BKP_PARALLEL", "99999999999")]
    [InlineData("BKP_PARALLEL", "+5")]
    [InlineData("BKP_LARGE_FILE_PARALLEL", "65")]
    [InlineData("BKP_REVERIFY_BUDGET", "")]
    [InlineData("BKP_REVERIFY_BUDGET", "99999999999TB")]
    [InlineData("BKP_LANG", "")]
    [InlineData("BKP_LANG", "pt-BR, en")]
    [InlineData("BKP_BRANCH_ID", "")]
    [InlineData("BKP_BRANCH_ID", "F042\n")]
    [InlineData("BKP_STATE_DIR", "")]
    [InlineData("BKP_STATE_DIR", "  ")]
    [InlineData("BKP_CONFIG", "")]
    [InlineData("BKP_COLLECTOR_URL", "")]
    [InlineData("BKP_KEY_FILE", "")]
    public void A_bad_environment_variable_is_refused_naming_it(string variable, string value)
    {
        _environment[variable] = value;

        var error = Refused($$"""{ {{OneSet}} }""");

        Assert.Equal("environment", error.Origin);
        Assert.Equal(variable, error.Field);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("--state-dir")]
    [InlineData("--config")]
    [InlineData("--branch")]
    [InlineData("--large-parallel")]
    public void An_empty_command_line_value_is_refused_naming_the_option(string option)
    {
        var cli = option switch
        {
            "--state-dir" => new ConfigOverrides { StateDirectory = "" },
            "--config" => new ConfigOverrides { ConfigPath = "" },
            "--branch" => new ConfigOverrides { BranchId = "" },
            _ => new ConfigOverrides { LargeFileParallel = "" },
        };

        var error = Refused($$"""{ {{OneSet}} }""", cli);

        Assert.Equal("command line", error.Origin);
        Assert.Equal(option, error.Field);
    }

    [Fact]
    public void A_file_that_says_nothing_but_one_set_gets_every_default()
    {
        var config = Load($$"""{ {{OneSet}} }""");

        Assert.Equal(ConfigLoader.DefaultBranchId(), config.BranchId);
        Assert.Equal(Path.Combine(_tree.Root, "state"), config.StateDirectory);
        Assert.Equal(Math.Clamp(Environment.ProcessorCount, 1, 8), config.Parallel);
        Assert.Equal(1, config.LargeFileParallel);
        Assert.Equal(64L * 1024 * 1024, config.LargeFileThreshold);
        Assert.Null(config.ReverifyBudgetBytes);
        Assert.Equal(TimeSpan.FromDays(30), config.ReverifyPeriod);
        Assert.Equal(Language.PortugueseBrazil, config.Language);
        Assert.Null(config.CollectorUrl);
        Assert.Equal(Path.Combine(_tree.Root, "state", "probe.key"), config.KeyFile);
        Assert.Equal(ProbeJson, config.SourcePath);
        var set = Assert.Single(config.Sets);
        Assert.Equal(Path.Combine(_tree.Root, "backup"), set.Root);
        Assert.True(set.Recurse);
        Assert.Empty(set.Exclude);
        Assert.True(set.Contains("deep/folder/any.file"));
        Assert.True(set.Contains(".hidden"));
    }

    [Fact]
    public void The_default_branch_id_is_the_host_name_made_into_a_valid_id()
    {
        var id = ConfigLoader.DefaultBranchId();

        Assert.Matches(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", id);
    }
}
