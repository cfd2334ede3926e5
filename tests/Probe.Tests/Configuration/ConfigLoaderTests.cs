using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Configuration;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly Dictionary<string, string> _environment = [];

    public void Dispose() => _tree.Dispose();

    private ProbeConfig Load(string? json, ConfigOverrides? cli = null)
    {
        if (json is not null)
        {
            _tree.File("probe.json", json);
        }

        return ConfigLoader.Load(cli ?? new ConfigOverrides(), name => _environment.GetValueOrDefault(name), _tree.Root);
    }

    private ConfigException Refused(string json, ConfigOverrides? cli = null) => Assert.Throws<ConfigException>(() => Load(json, cli));

    private const string Valid = """
        {
          // comments are allowed: ops annotate these files
          "branchId": "F042",
          "parallel": 3,
          "reverifyBudget": "20GB",
          "sets": [
            { "id": "sql", "root": "backup_sql", "include": ["*.bak", "*.zip"], "exclude": ["tmp/**"] },
            { "id": "fotos", "root": "/srv/fotos", "recurse": false },
          ]
        }
        """;

    [Fact]
    public void A_valid_file_gives_sets_with_roots_resolved_against_its_folder_and_defaults_for_the_rest()
    {
        var config = Load(Valid);

        Assert.Equal("F042", config.BranchId);
        Assert.Equal(3, config.Parallel);
        Assert.Equal(1, config.LargeFileParallel);
        Assert.Equal(20_000_000_000, config.ReverifyBudgetBytes);
        Assert.Equal(Language.PortugueseBrazil, config.Language);
        Assert.Equal(Path.Combine(_tree.Root, "state"), config.StateDirectory);
        Assert.Equal(Path.Combine(_tree.Root, "backup_sql"), config.Sets[0].Root);
        Assert.True(config.Sets[0].Contains("Vendas/x.BAK"));
        Assert.False(config.Sets[0].Contains("tmp/x.bak"));
        Assert.False(config.Sets[0].Contains("x.txt"));
        Assert.False(config.Sets[1].Recurse);
        Assert.True(config.Sets[1].Contains("any/thing.jpg"));
    }

    [Fact]
    public void Command_line_beats_environment_which_beats_the_file()
    {
        _environment["BKP_PARALLEL"] = "5";
        _environment["BKP_BRANCH_ID"] = "ENV01";
        _environment["BKP_LANG"] = "en";

        var fromEnvironment = Load(Valid);
        var fromCommandLine = Load(null, new ConfigOverrides { Parallel = "7", Language = "pt-BR" });

        Assert.Equal(5, fromEnvironment.Parallel);
        Assert.Equal("ENV01", fromEnvironment.BranchId);
        Assert.Equal(Language.English, fromEnvironment.Language);
        Assert.Equal(7, fromCommandLine.Parallel);
        Assert.Equal("ENV01", fromCommandLine.BranchId);
        Assert.Equal(Language.PortugueseBrazil, fromCommandLine.Language);
    }

    [Fact]
    public void Ad_hoc_sets_from_the_command_line_replace_the_files_sets()
    {
        var config = Load(Valid, new ConfigOverrides { Sets = ["x=/data/x", "y=rel"] });

        Assert.Equal(["x", "y"], config.Sets.Select(s => s.Id));
        Assert.Equal(Path.Combine(_tree.Root, "rel"), config.Sets[1].Root);
    }

    [Theory]
    [InlineData("""{ "sets": [ { "id": "sql" } ] }""", "sets[0].root", "obrigatório")]
    [InlineData("""{ "sets": [ { "id": "sql", "root": "" } ] }""", "sets[0].root", "obrigatório")]
    [InlineData("""{ "sets": [ { "root": "C:/b" } ] }""", "sets[0].id", "obrigatório")]
    [InlineData("""{ "sets": [ { "id": "sql", "root": "C:/b", "exclud": [] } ] }""", "sets[0].exclud", "chave desconhecida")]
    [InlineData("""{ "brnachId": "F1", "sets": [] }""", "brnachId", "chave desconhecida")]
    [InlineData("""{ "sets": [ { "id": "sql", "root": "C:/b", "include": ["*.{bak"] } ] }""", "sets[0].include[0]", "'*.{bak' abre '{' sem fechar")]
    [InlineData("""{ "sets": [ { "id": "sql", "root": "C:/b", "include": [7] } ] }""", "sets[0].include[0]", "texto")]
    [InlineData("""{ "sets": [ { "id": "sql", "root": "C:/a" }, { "id": "SQL", "root": "C:/b" } ] }""", "sets[1].id", "mais de uma vez")]
    [InlineData("""{ "sets": [ { "id": "sql server", "root": "C:/a" } ] }""", "sets[0].id", "identificador")]
    [InlineData("""{ "sets": [ { "id": "sql", "root": "C:/a", "recurse": "yes" } ] }""", "sets[0].recurse", "true ou false")]
    [InlineData("""{ "parallel": 0, "sets": [ { "id": "sql", "root": "C:/a" } ] }""", "parallel", "de 1 a 64")]
    [InlineData("""{ "reverifyBudget": "lots", "sets": [ { "id": "sql", "root": "C:/a" } ] }""", "reverifyBudget", "não é um tamanho")]
    [InlineData("""{ "spool": { "maxEntries": 0 }, "sets": [ { "id": "sql", "root": "C:/a" } ] }""", "spool.maxEntries", "de 1 a 100000")]
    [InlineData("""{ "spool": { "maxBytes": "much" }, "sets": [ { "id": "sql", "root": "C:/a" } ] }""", "spool.maxBytes", "não é um tamanho")]
    [InlineData("""{ "spool": { "maxEntrys": 5 }, "sets": [ { "id": "sql", "root": "C:/a" } ] }""", "spool.maxEntrys", "chave desconhecida")]
    [InlineData("""{ "spool": 200, "sets": [ { "id": "sql", "root": "C:/a" } ] }""", "spool", "objeto")]
    [InlineData("""{ "sets": [] }""", "sets", "nenhum conjunto")]
    [InlineData("""{ "sets": {} }""", "sets", "lista")]
    [InlineData("""{ "sets": [ { "id": "sql", "root": "C:/a" } ]""", "(file)", "linha")]
    [InlineData("""[1, 2]""", "$", "objeto")]
    [InlineData("""{ "sets": [ { "id": "sql\n", "root": "C:/a" } ] }""", "sets[0].id", @"'sql\n' não é um identificador")]
    [InlineData("""{ "sets": [ { "id": "sql", "root": "C:/a\u0000b" } ] }""", "sets[0].root", "U+0000")]
    public void A_bad_file_is_refused_naming_the_field_in_one_line(string json, string field, string words)
    {
        var error = Refused(json);

        Assert.Equal(field, error.Field);
        Assert.Contains(words, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith(Path.Combine(_tree.Root, "probe.json") + ": " + field + ": ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_spool_keeps_200_manifests_and_500_MB_unless_probe_json_says_otherwise()
    {
        var defaults = Load(Valid);
        var set = Load("""{ "spool": { "maxEntries": 30, "maxBytes": "2GB" }, "sets": [ { "id": "sql", "root": "C:/a" } ] }""");
        var half = Load("""{ "spool": { "maxBytes": 1000000 }, "sets": [ { "id": "sql", "root": "C:/a" } ] }""");

        Assert.Equal(new SpoolLimits { MaxEntries = 200, MaxBytes = 500_000_000 }, defaults.Spool);
        Assert.Equal(new SpoolLimits { MaxEntries = 30, MaxBytes = 2_000_000_000 }, set.Spool);
        Assert.Equal(new SpoolLimits { MaxEntries = 200, MaxBytes = 1_000_000 }, half.Spool);
    }

    [Fact]
    public void A_branch_id_with_a_trailing_newline_is_refused_as_the_collector_would()
    {
        _environment["BKP_BRANCH_ID"] = "F042\n";

        var error = Assert.Throws<ConfigException>(() => Load("""{ "sets": [ { "id": "sql", "root": "C:/a" } ] }"""));

        Assert.Equal("BKP_BRANCH_ID", error.Field);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_root_longer_than_any_path_Windows_opens_is_refused_naming_it()
    {
        var root = "/" + string.Join('/', Enumerable.Repeat(new string('r', 200), 170));

        var error = Refused($$"""{ "sets": [ { "id": "sql", "root": "{{root}}" } ] }""");

        Assert.Equal("sets[0].root", error.Field);
        Assert.Contains("o máximo é 32.767", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void More_sets_than_a_manifest_carries_are_refused()
    {
        var sets = string.Join(",", Enumerable.Range(0, ManifestLimits.MaxSets + 1).Select(i => $$"""{ "id": "s{{i}}", "root": "C:/s{{i}}" }"""));
        var adHoc = new ConfigOverrides { Sets = [.. Enumerable.Range(0, ManifestLimits.MaxSets + 1).Select(i => $"s{i}=/s{i}")] };

        var fromFile = Refused($$"""{ "sets": [{{sets}}] }""");
        var fromCommandLine = Refused(Valid, adHoc);

        Assert.Equal("sets", fromFile.Field);
        Assert.Contains("no máximo 100", fromFile.Problem, StringComparison.Ordinal);
        Assert.Equal("--set", fromCommandLine.Field);
        Assert.Equal(ManifestLimits.MaxSets, Load(Valid, adHoc with { Sets = adHoc.Sets.Skip(1).ToList() }).Sets.Count);
    }

    [Fact]
    public void Errors_speak_English_when_the_file_asks_for_it()
    {
        var error = Refused("""{ "language": "en", "sets": [ { "id": "sql" } ] }""");

        Assert.Equal("required", error.Problem);
    }

    [Fact]
    public void A_named_config_file_that_does_not_exist_is_refused()
    {
        var error = Assert.Throws<ConfigException>(() => Load(null, new ConfigOverrides { ConfigPath = "nope.json" }));

        Assert.Equal("--config", error.Field);
        Assert.Contains("nope.json", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--parallel", "lots")]
    [InlineData("--reverify-budget", "-5GB")]
    [InlineData("--lang", "fr")]
    [InlineData("--set", "semigual")]
    [InlineData("--branch", "filial 42")]
    public void A_bad_command_line_value_is_refused_naming_the_option(string option, string value)
    {
        var cli = option switch
        {
            "--parallel" => new ConfigOverrides { Parallel = value },
            "--reverify-budget" => new ConfigOverrides { ReverifyBudget = value },
            "--lang" => new ConfigOverrides { Language = value },
            "--set" => new ConfigOverrides { Sets = [value] },
            _ => new ConfigOverrides { BranchId = value },
        };

        var error = Refused(Valid, cli);

        Assert.Equal(option, error.Field);
        Assert.Contains(value, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_collector_address_and_key_file_follow_the_same_precedence_as_every_setting()
    {
        const string withCollector = """{ "collectorUrl": "https://file.example/", "keyFile": "keys/file.key", "sets": [ { "id": "sql", "root": "C:/a" } ] }""";

        var fromFile = Load(withCollector);
        _environment["BKP_COLLECTOR_URL"] = "https://env.example/base";
        _environment["BKP_KEY_FILE"] = "env.key";
        var fromEnvironment = Load(withCollector);
        var fromCommandLine = Load(null, new ConfigOverrides { CollectorUrl = "http://127.0.0.1:7071", KeyFile = "cli.key" });

        Assert.Equal(new Uri("https://file.example/"), fromFile.CollectorUrl);
        Assert.Equal(Path.Combine(_tree.Root, "keys", "file.key"), fromFile.KeyFile);
        Assert.Equal(new Uri("https://env.example/base"), fromEnvironment.CollectorUrl);
        Assert.Equal(Path.Combine(_tree.Root, "env.key"), fromEnvironment.KeyFile);
        Assert.Equal(new Uri("http://127.0.0.1:7071"), fromCommandLine.CollectorUrl);
        Assert.Equal(Path.Combine(_tree.Root, "cli.key"), fromCommandLine.KeyFile);
    }

    [Fact]
    public void The_key_file_is_in_the_state_folder_unless_said_otherwise_and_no_shared_key_is_read()
    {
        var config = Load(Valid);
        Assert.Equal(Path.Combine(config.StateDirectory, "probe.key"), config.KeyFile);

        var error = Refused("""{ "collectorKey": "shared", "sets": [ { "id": "sql", "root": "C:/a" } ] }""");
        Assert.Equal("collectorKey", error.Field);
    }

    [Fact]
    public void Without_a_collector_address_scan_is_fine_but_run_is_refused_naming_collectorUrl()
    {
        var config = Load(Valid);

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.RequireCollectorUrl(config));

        Assert.Null(config.CollectorUrl);
        Assert.Equal("collectorUrl", error.Field);
        Assert.StartsWith(Path.Combine(_tree.Root, "probe.json") + ": collectorUrl: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"coletor.exemplo.com.br\"", "não é um endereço http:// ou https://")]
    [InlineData("\"ftp://coletor.exemplo.com.br\"", "não é um endereço http:// ou https://")]
    [InlineData("\"/api\"", "não é um endereço http:// ou https://")]
    [InlineData("\"https://coletor.exemplo.com.br/?code=segredo\"", "não pode ter usuário, '?' nem '#'")]
    [InlineData("\"https://user:senha@coletor.exemplo.com.br\"", "não pode ter usuário, '?' nem '#'")]
    [InlineData("42", "texto")]
    public void A_bad_collector_address_in_the_file_is_refused_naming_collectorUrl(string value, string words)
    {
        var error = Refused($$"""{ "collectorUrl": {{value}}, "sets": [ { "id": "sql", "root": "C:/a" } ] }""");

        Assert.Equal("collectorUrl", error.Field);
        Assert.Contains(words, error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("segredo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_collector_address_from_the_environment_or_command_line_is_refused_naming_where_it_came_from()
    {
        _environment["BKP_COLLECTOR_URL"] = "not a url";
        var fromEnvironment = Refused(Valid);
        var fromCommandLine = Refused(Valid, new ConfigOverrides { CollectorUrl = "mailto:ti@exemplo.com.br", Language = "en" });

        Assert.Equal("BKP_COLLECTOR_URL", fromEnvironment.Field);
        Assert.Equal("environment", fromEnvironment.Origin);
        Assert.Equal("--collector", fromCommandLine.Field);
        Assert.Contains("is not a complete http:// or https:// address", fromCommandLine.Problem, StringComparison.Ordinal);
    }


    [Theory]
    [InlineData("1073741824", 1073741824L)]
    [InlineData("500MB", 500_000_000L)]
    [InlineData("20 GB", 20_000_000_000L)]
    [InlineData("1.5GiB", 1610612736L)]
    [InlineData("0", 0L)]
    public void Sizes_are_read_as_people_write_them(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }
}
