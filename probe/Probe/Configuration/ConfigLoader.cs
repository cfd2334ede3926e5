using System.Text.Json;
using System.Text.RegularExpressions;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Localization;

namespace MonitoramentoBKP.Probe.Configuration;

/// <summary>
/// Builds the one validated <see cref="ProbeConfig"/>: command line &gt; BKP_* environment &gt; probe.json &gt;
/// defaults. Every value, from any source, is read through <see cref="JsonValueReader"/>; anything unusable is
/// refused with a <see cref="ConfigException"/> naming the source and the field (a JSON path in probe.json).
/// </summary>
public static class ConfigLoader
{
    public const string FileName = "probe.json";

    /// <summary>The branch's private key, in the state folder unless keyFile says otherwise.</summary>
    public const string DefaultKeyFileName = "probe.key";

    /// <summary>Whatever the machine, more than this many files hashed at once only thrashes the disk.</summary>
    public const int DefaultMaxParallel = 8;

    private const string CommandLineSource = "command line";
    private const string EnvironmentSource = "environment";

    private static readonly string[] RootKeys = ["branchId", "stateDirectory", "language", "parallel", "largeFileParallel", "reverifyBudget", "collectorUrl", "keyFile", "spool", "sets", "updateChannel", "releaseKeys", "updates"];
    private static readonly string[] SetKeys = ["id", "root", "include", "exclude", "recurse"];
    private static readonly string[] SpoolKeys = ["maxEntries", "maxBytes"];

    private static readonly Dictionary<string, Language> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pt-BR"] = Language.PortugueseBrazil,
        ["pt"] = Language.PortugueseBrazil,
        ["pt_BR"] = Language.PortugueseBrazil,
        ["en"] = Language.English,
        ["en-US"] = Language.English,
        ["en_US"] = Language.English,
        ["en-GB"] = Language.English,
    };

    private static readonly string[] LanguagesShown = ["pt-BR", "en"];

    /// <param name="setsRequired">
    /// False for <c>run</c>, whose sets come from the collector's policy when neither <c>--set</c> nor probe.json lists any.
    /// </param>
    public static ProbeConfig Load(ConfigOverrides cli, Func<string, string?> environment, string workingDirectory, bool setsRequired = true)
    {
        var portuguese = new Messages(Language.PortugueseBrazil);
        var language = ParseLanguage(cli.Language, "--lang", CommandLineSource, portuguese)
            ?? ParseLanguage(environment("BKP_LANG"), "BKP_LANG", EnvironmentSource, portuguese);
        var early = new Messages(language ?? Language.PortugueseBrazil);

        var explicitPath = Reader(CommandLineSource, early).Text(cli.ConfigPath, "--config")
            ?? Reader(EnvironmentSource, early).Text(environment("BKP_CONFIG"), "BKP_CONFIG");
        var path = explicitPath is not null
            ? FullPath(explicitPath, workingDirectory, cli.ConfigPath is not null ? CommandLineSource : EnvironmentSource, cli.ConfigPath is not null ? "--config" : "BKP_CONFIG", early)
            : FindDefaultConfig(workingDirectory);

        FileSettings file = new();
        if (path is not null)
        {
            if (!File.Exists(path))
            {
                throw new ConfigException(explicitPath ?? path, cli.ConfigPath is not null ? "--config" : "BKP_CONFIG", early.ConfigNotFound(path));
            }

            file = ReadFile(path, language);
        }

        language ??= file.Language ?? Language.PortugueseBrazil;
        var messages = new Messages(language.Value);
        var fromCli = Reader(CommandLineSource, messages);
        var fromEnvironment = Reader(EnvironmentSource, messages);

        var sets = cli.Sets.Count > 0 ? ParseSetArguments(cli.Sets, messages, workingDirectory) : file.Sets;
        if (sets.Count == 0 && setsRequired)
        {
            throw new ConfigException(path ?? FileName, "sets", messages.NoSets);
        }

        if (sets.Count > ManifestLimits.MaxSets)
        {
            throw new ConfigException(cli.Sets.Count > 0 ? CommandLineSource : path ?? FileName, cli.Sets.Count > 0 ? "--set" : "sets", messages.TooManySets(sets.Count, ManifestLimits.MaxSets));
        }

        var branch = fromCli.IdText(cli.BranchId, "--branch")
            ?? fromEnvironment.IdText(environment("BKP_BRANCH_ID"), "BKP_BRANCH_ID")
            ?? file.BranchId
            ?? DefaultBranchId();

        var stateDirectory = Folder(cli.StateDirectory, "--state-dir", CommandLineSource, workingDirectory, messages)
            ?? Folder(environment("BKP_STATE_DIR"), "BKP_STATE_DIR", EnvironmentSource, workingDirectory, messages)
            ?? file.StateDirectory
            ?? (path is not null ? Path.Combine(Path.GetDirectoryName(path)!, "state") : DefaultStateDirectory());

        var parallel = fromCli.WholeText(cli.Parallel, "--parallel", 1, ProbeConfig.MaxParallel)
            ?? fromEnvironment.WholeText(environment("BKP_PARALLEL"), "BKP_PARALLEL", 1, ProbeConfig.MaxParallel)
            ?? file.Parallel
            ?? Math.Clamp(System.Environment.ProcessorCount, 1, DefaultMaxParallel);
        var largeParallel = fromCli.WholeText(cli.LargeFileParallel, "--large-parallel", 1, ProbeConfig.MaxParallel)
            ?? fromEnvironment.WholeText(environment("BKP_LARGE_FILE_PARALLEL"), "BKP_LARGE_FILE_PARALLEL", 1, ProbeConfig.MaxParallel)
            ?? file.LargeFileParallel
            ?? 1;
        var budget = fromCli.SizeText(cli.ReverifyBudget, "--reverify-budget")
            ?? fromEnvironment.SizeText(environment("BKP_REVERIFY_BUDGET"), "BKP_REVERIFY_BUDGET")
            ?? file.ReverifyBudget;
        var collectorUrl = Url(cli.CollectorUrl, CommandLineSource, "--collector") ?? Url(environment("BKP_COLLECTOR_URL"), EnvironmentSource, "BKP_COLLECTOR_URL") ?? file.CollectorUrl;
        var fullState = Path.GetFullPath(stateDirectory, workingDirectory);
        var keyFile = Folder(cli.KeyFile, "--key-file", CommandLineSource, workingDirectory, messages)
            ?? Folder(environment("BKP_KEY_FILE"), "BKP_KEY_FILE", EnvironmentSource, workingDirectory, messages)
            ?? file.KeyFile
            ?? Path.Combine(fullState, DefaultKeyFileName);

        return new ProbeConfig
        {
            BranchId = branch,
            StateDirectory = fullState,
            Sets = sets,
            Parallel = parallel,
            LargeFileParallel = largeParallel,
            ReverifyBudgetBytes = budget,
            Language = language.Value,
            CollectorUrl = collectorUrl,
            KeyFile = keyFile,
            SetsSource = cli.Sets.Count > 0 ? "--set" : sets.Count > 0 ? path : null,
            Spool = file.Spool,
            SourcePath = path,
            UpdateChannel = file.UpdateChannel ?? ProbeConfig.DefaultUpdateChannel,
            ReleaseKeys = file.ReleaseKeys,
            Updates = file.Updates ?? true,
        };

        Uri? Url(string? text, string source, string field) => text is null ? null : ParseCollectorUrl(text, source, field, messages);
    }

    /// <summary>What <c>enroll</c> was given, checked as every other setting is; a refusal names the option.</summary>
    public static EnrollmentSettings ReadEnrollment(string? collector, string? branch, string? token, string? configPath, string? stateDirectory, string? keyFile, string? language, string workingDirectory)
    {
        var portuguese = new Messages(Language.PortugueseBrazil);
        var lang = ParseLanguage(language, "--lang", CommandLineSource, portuguese) ?? Language.PortugueseBrazil;
        var m = new Messages(lang);
        if (collector is null || branch is null || token is null)
        {
            throw new ConfigException(CommandLineSource, collector is null ? "--collector" : branch is null ? "--branch" : "--token", m.EnrollNeeds);
        }

        var (url, id, _) = ReadIdentity(collector, branch, token, m);
        var config = configPath is null ? Path.Combine(DefaultDataDirectory(), FileName) : FullPath(configPath, workingDirectory, CommandLineSource, "--config", m);
        // An installed probe.json already says where its state and key live: enrolling it later puts the key there.
        var kept = File.Exists(config) ? ReadFile(config, lang) : new FileSettings();
        var state = stateDirectory is not null ? FullPath(stateDirectory, workingDirectory, CommandLineSource, "--state-dir", m)
            : kept.StateDirectory ?? Path.Combine(Path.GetDirectoryName(config)!, "state");
        var key = keyFile is not null ? FullPath(keyFile, workingDirectory, CommandLineSource, "--key-file", m)
            : kept.KeyFile ?? Path.Combine(state, DefaultKeyFileName);
        return new EnrollmentSettings(url, id, token, config, state, key, lang, language is not null);
    }

    /// <summary>
    /// <c>--collector</c>, <c>--branch</c> and an optional <c>--token</c> as enroll and install take them; a refusal
    /// names the option (a missing collector or branch is refused with <see cref="Messages.EnrollNeeds"/>).
    /// </summary>
    public static (Uri Collector, string BranchId, string? Token) ReadIdentity(string? collector, string? branch, string? token, Messages m)
    {
        if (collector is null || branch is null)
        {
            throw new ConfigException(CommandLineSource, collector is null ? "--collector" : "--branch", m.EnrollNeeds);
        }

        var url = ParseCollectorUrl(collector, CommandLineSource, "--collector", m);
        var id = Reader(CommandLineSource, m).IdText(branch, "--branch")!;
        if (token is not null && (token.Length is 0 or > 256 || token.Any(c => c <= ' ' || c >= (char)0x7F)))
        {
            throw new ConfigException(CommandLineSource, "--token", m.EnrollNeeds);
        }

        return (url, id, token);
    }

    /// <summary>
    /// The sets of the collector's policy as the probe scans them; a pattern or root this machine cannot use is a
    /// <see cref="ConfigException"/> naming the policy's set, as for probe.json.
    /// </summary>
    public static IReadOnlyList<BackupSetConfig> SetsFrom(ProbePolicy policy, Messages messages)
    {
        const string Source = "política do coletor / collector policy";
        var sets = new List<BackupSetConfig>();
        foreach (var (set, index) in policy.Sets.Select((s, i) => (s, i)))
        {
            var at = $"sets[{index}]";
            sets.Add(new BackupSetConfig
            {
                Id = set.Id,
                Root = FullPath(set.Root, System.Environment.CurrentDirectory, Source, at + ".root", messages),
                Include = set.Include.Count == 0 ? [Glob.All] : [.. set.Include.Select((g, i) => PolicyGlob(g, $"{at}.include[{i}]"))],
                Exclude = [.. set.Exclude.Select((g, i) => PolicyGlob(g, $"{at}.exclude[{i}]"))],
                Recurse = set.Recurse,
            });
        }

        return sets.Count <= ManifestLimits.MaxSets ? sets : throw new ConfigException(Source, "sets", messages.TooManySets(sets.Count, ManifestLimits.MaxSets));

        Glob PolicyGlob(string pattern, string at) =>
            Glob.TryParse(pattern, out var glob, out var problem) ? glob! : throw new ConfigException(Source, at, messages.Glob(problem, pattern));
    }

    /// <summary>The collector address, which only <c>run</c> needs; its absence is a configuration error like any other.</summary>
    public static Uri RequireCollectorUrl(ProbeConfig config) =>
        config.CollectorUrl ?? throw new ConfigException(config.SourcePath ?? FileName, "collectorUrl", new Messages(config.Language).CollectorUrlRequired);

    /// <summary>A reader whose first problem ends the load: the probe reports one line, for the first thing to fix.</summary>
    private static JsonValueReader Reader(string source, Messages messages) =>
        new(problem => throw new ConfigException(source, JsonAt.Show(problem.Path), messages.Value(problem)));

    private static Language? ParseLanguage(string? text, string field, string source, Messages messages) =>
        Reader(source, messages).OneOfText(text, field, "language", Languages, LanguagesShown);

    /// <summary>A folder from the environment or the command line: not empty, and a path this system can use.</summary>
    private static string? Folder(string? text, string field, string source, string workingDirectory, Messages messages) =>
        Reader(source, messages).Text(text, field) is { } folder ? FullPath(folder, workingDirectory, source, field, messages) : null;

    /// <summary>
    /// A folder as a full path the manifest can carry: U+0000 is in no real path (and GetFullPath throws on it), and
    /// no path Windows opens is longer than <see cref="ManifestLimits.MaxRootPathLength"/>.
    /// </summary>
    private static string FullPath(string path, string baseDirectory, string source, string field, Messages messages)
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ConfigException(source, field, messages.RootWithNul);
        }

        string full;
        try
        {
            full = Path.GetFullPath(path, baseDirectory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ConfigException(source, field, messages.BadFolder(path));
        }

        return full.Length <= ManifestLimits.MaxRootPathLength
            ? full
            : throw new ConfigException(source, field, messages.RootTooLong(full.Length, ManifestLimits.MaxRootPathLength));
    }

    /// <summary>
    /// An absolute http(s) address without user, query or fragment: the request path is appended to it, and a
    /// credential has no place in an address that ends up in logs (so it is not echoed either).
    /// </summary>
    private static Uri ParseCollectorUrl(string text, string source, string field, Messages m)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ConfigException(source, field, m.BadCollectorUrl(text));
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new ConfigException(source, field, m.CollectorUrlWithExtras);
        }

        return uri;
    }

    private static string? FindDefaultConfig(string workingDirectory)
    {
        var local = Path.Combine(workingDirectory, FileName);
        if (File.Exists(local))
        {
            return local;
        }

        var installed = Path.Combine(DefaultDataDirectory(), FileName);
        return File.Exists(installed) ? installed : null;
    }

    /// <summary>%ProgramData%\MonitoramentoBKP on Windows; /etc/bkp-probe elsewhere.</summary>
    public static string DefaultDataDirectory() => OperatingSystem.IsWindows()
        ? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.CommonApplicationData), "MonitoramentoBKP")
        : "/etc/bkp-probe";

    private static string DefaultStateDirectory() => OperatingSystem.IsWindows()
        ? Path.Combine(DefaultDataDirectory(), "state")
        : Path.Combine(System.Environment.GetEnvironmentVariable("XDG_STATE_HOME")
            ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".local", "state"), "bkp-probe");

    /// <summary>The host name made into an id (what is not a letter, digit, '.', '_' or '-' becomes '-').</summary>
    public static string DefaultBranchId()
    {
        var host = Regex.Replace(System.Environment.MachineName, "[^A-Za-z0-9._-]", "-").Trim('-', '.', '_');
        return host.Length == 0 ? "branch" : host[..Math.Min(host.Length, 64)];
    }

    private static List<BackupSetConfig> ParseSetArguments(IReadOnlyList<string> arguments, Messages messages, string workingDirectory)
    {
        var read = Reader(CommandLineSource, messages);
        var sets = new List<BackupSetConfig>();
        foreach (var argument in arguments)
        {
            var eq = argument.IndexOf('=');
            if (eq <= 0 || eq == argument.Length - 1)
            {
                throw new ConfigException(CommandLineSource, "--set", messages.BadSetArgument(argument));
            }

            var id = read.IdText(argument[..eq], "--set")!;
            if (sets.Exists(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ConfigException(CommandLineSource, "--set", messages.DuplicateSetId(id));
            }

            sets.Add(new BackupSetConfig { Id = id, Root = FullPath(argument[(eq + 1)..], workingDirectory, CommandLineSource, "--set", messages), Include = [Glob.All], Exclude = [] });
        }

        return sets;
    }

    private sealed record FileSettings
    {
        public string? BranchId { get; init; }
        public string? StateDirectory { get; init; }
        public Language? Language { get; init; }
        public int? Parallel { get; init; }
        public int? LargeFileParallel { get; init; }
        public long? ReverifyBudget { get; init; }
        public Uri? CollectorUrl { get; init; }
        public string? KeyFile { get; init; }
        public SpoolLimits Spool { get; init; } = SpoolLimits.Default;
        public IReadOnlyList<BackupSetConfig> Sets { get; init; } = [];
        public string? UpdateChannel { get; init; }
        public IReadOnlyList<string>? ReleaseKeys { get; init; }
        public bool? Updates { get; init; }
    }

    private static FileSettings ReadFile(string path, Language? cliLanguage)
    {
        var m = new Messages(cliLanguage ?? Language.PortugueseBrazil);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, "(file)", m.ConfigUnreadable(e.Message));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ConfigException(path, "(file)", m.ConfigNotJson((e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1, FirstSentence(e.Message)));
        }

        using (document)
        {
            var root = new JsonAt(document.RootElement, "");
            if (Reader(path, m).Object(root) is null)
            {
                return new FileSettings();
            }

            // The file's language is checked whatever the command line says, and chooses the language of the
            // file's own errors unless the command line or the environment chose one.
            var language = Reader(path, m).OneOf(root.Member("language"), "language", Languages, LanguagesShown);
            if (cliLanguage is null && language is { } chosen)
            {
                m = new Messages(chosen);
            }

            var read = Reader(path, m);
            read.OnlyKeys(root, RootKeys);
            var directory = Path.GetDirectoryName(path)!;
            var settings = new FileSettings
            {
                BranchId = read.Id(root.Member("branchId")),
                StateDirectory = read.String(root.Member("stateDirectory")) is { } state ? FullPath(state, directory, path, "stateDirectory", m) : null,
                Language = language,
                Parallel = read.Whole(root.Member("parallel"), 1, ProbeConfig.MaxParallel),
                LargeFileParallel = read.Whole(root.Member("largeFileParallel"), 1, ProbeConfig.MaxParallel),
                ReverifyBudget = read.Size(root.Member("reverifyBudget")),
                CollectorUrl = read.String(root.Member("collectorUrl"), allowEmpty: true) is { } url ? ParseCollectorUrl(url, path, "collectorUrl", m) : null,
                KeyFile = read.String(root.Member("keyFile")) is { } key ? FullPath(key, directory, path, "keyFile", m) : null,
                Spool = ReadSpool(root.Member("spool"), read),
                UpdateChannel = read.Id(root.Member("updateChannel")),
                ReleaseKeys = ReadReleaseKeys(root.Member("releaseKeys"), read, path, m),
                Updates = read.Boolean(root.Member("updates")),
            };

            var sets = new List<BackupSetConfig>();
            foreach (var item in read.List(root.Member("sets")))
            {
                sets.Add(ReadSet(item, read, path, m, sets));
            }

            return settings with { Sets = sets };
        }
    }

    /// <summary>probe.json "spool": { "maxEntries": 200, "maxBytes": "500MB" }, each optional.</summary>
    private static SpoolLimits ReadSpool(JsonAt? member, JsonValueReader read)
    {
        if (read.Object(member) is not { } spool)
        {
            return SpoolLimits.Default;
        }

        read.OnlyKeys(spool, SpoolKeys);
        return new SpoolLimits
        {
            MaxEntries = read.Whole(spool.Member("maxEntries"), 1, SpoolLimits.MaxEntriesAllowed) ?? SpoolLimits.Default.MaxEntries,
            MaxBytes = read.Size(spool.Member("maxBytes")) ?? SpoolLimits.Default.MaxBytes,
        };
    }

    /// <summary>probe.json "releaseKeys": base64 SubjectPublicKeyInfo texts of P-256 keys; absent: the keys built into the probe.</summary>
    private static List<string>? ReadReleaseKeys(JsonAt? member, JsonValueReader read, string path, Messages m)
    {
        if (member is null)
        {
            return null;
        }

        var keys = new List<string>();
        foreach (var (text, at) in read.Strings(member))
        {
            if (!Contracts.Signing.PublicKeyInfo.TryImport(text, out var key, out var reason))
            {
                throw new ConfigException(path, at, m.BadReleaseKey(reason));
            }

            key.Dispose();
            keys.Add(text);
        }

        return keys.Count <= Contracts.Releases.ReleaseKeyRing.MaxKeys
            ? keys
            : throw new ConfigException(path, "releaseKeys", m.TooManyReleaseKeys(keys.Count, Contracts.Releases.ReleaseKeyRing.MaxKeys));
    }

    private static BackupSetConfig ReadSet(JsonAt item, JsonValueReader read, string path, Messages m, List<BackupSetConfig> earlier)
    {
        var set = read.Object(item)!.Value;
        read.OnlyKeys(set, SetKeys);
        var id = read.Id(read.Required(set, "id"))!;
        if (earlier.Exists(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ConfigException(path, set.PathOf("id"), m.DuplicateSetId(id));
        }

        var root = read.String(read.Required(set, "root"))!;
        var include = Globs(set.Member("include"), read, path, m);
        return new BackupSetConfig
        {
            Id = id,
            Root = FullPath(root, Path.GetDirectoryName(path)!, path, set.PathOf("root"), m),
            Include = include.Count == 0 ? [Glob.All] : include,
            Exclude = Globs(set.Member("exclude"), read, path, m),
            Recurse = read.Boolean(set.Member("recurse")) ?? true,
        };
    }

    private static List<Glob> Globs(JsonAt? list, JsonValueReader read, string path, Messages m)
    {
        var globs = new List<Glob>();
        foreach (var (pattern, at) in read.Strings(list, allowEmpty: true))
        {
            if (!Glob.TryParse(pattern, out var glob, out var problem))
            {
                throw new ConfigException(path, at, m.Glob(problem, pattern));
            }

            globs.Add(glob!);
        }

        return globs;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
