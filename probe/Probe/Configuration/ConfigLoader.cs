using System.Text.Json;
using System.Text.RegularExpressions;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Localization;

namespace MonitoramentoBKP.Probe.Configuration;

/// <summary>
/// Builds the one validated <see cref="ProbeConfig"/>: command line &gt; BKP_* environment &gt; probe.json &gt;
/// defaults. Anything unusable is refused with a <see cref="ConfigException"/> naming the source and field.
/// </summary>
public static partial class ConfigLoader
{
    public const string FileName = "probe.json";

    private static readonly string[] RootKeys = ["branchId", "stateDirectory", "language", "parallel", "largeFileParallel", "reverifyBudget", "collectorUrl", "collectorKey", "sets"];
    private static readonly string[] SetKeys = ["id", "root", "include", "exclude", "recurse"];

    // \z, not $: '$' also matches before a final newline, and the collector refuses "F042\n".
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z")]
    private static partial Regex IdPattern();

    public static ProbeConfig Load(ConfigOverrides cli, Func<string, string?> environment, string workingDirectory)
    {
        var language = ParseLanguage(cli.Language, "--lang", new Messages(Language.PortugueseBrazil))
            ?? ParseLanguage(environment("BKP_LANG"), "BKP_LANG", new Messages(Language.PortugueseBrazil));

        var explicitPath = cli.ConfigPath ?? environment("BKP_CONFIG");
        var path = explicitPath is not null
            ? Path.GetFullPath(explicitPath, workingDirectory)
            : FindDefaultConfig(workingDirectory);

        FileSettings file = new();
        if (path is not null)
        {
            if (!File.Exists(path))
            {
                var m = new Messages(language ?? Language.PortugueseBrazil);
                throw new ConfigException(explicitPath ?? path, cli.ConfigPath is not null ? "--config" : "BKP_CONFIG", m.ConfigNotFound(path));
            }

            file = ReadFile(path, language);
        }

        language ??= file.Language ?? Language.PortugueseBrazil;
        var messages = new Messages(language.Value);
        var source = path ?? "--set";

        IReadOnlyList<BackupSetConfig> sets;
        if (cli.Sets.Count > 0)
        {
            sets = ParseSetArguments(cli.Sets, messages, workingDirectory);
        }
        else
        {
            sets = file.Sets;
        }

        if (sets.Count == 0)
        {
            throw new ConfigException(path ?? FileName, "sets", messages.NoSets);
        }

        if (sets.Count > ManifestLimits.MaxSets)
        {
            throw new ConfigException(cli.Sets.Count > 0 ? "command line" : path ?? FileName, cli.Sets.Count > 0 ? "--set" : "sets", messages.TooManySets(sets.Count, ManifestLimits.MaxSets));
        }

        var branch = cli.BranchId ?? environment("BKP_BRANCH_ID") ?? file.BranchId ?? DefaultBranchId();
        var branchField = cli.BranchId is not null ? "--branch" : environment("BKP_BRANCH_ID") is not null ? "BKP_BRANCH_ID" : "branchId";
        if (!IdPattern().IsMatch(branch))
        {
            throw new ConfigException(source, branchField, messages.BadId(branch));
        }

        var stateDirectory = cli.StateDirectory ?? environment("BKP_STATE_DIR") ?? file.StateDirectory
            ?? (path is not null ? Path.Combine(Path.GetDirectoryName(path)!, "state") : DefaultStateDirectory());

        var parallel = Integer(cli.Parallel, "--parallel") ?? Integer(environment("BKP_PARALLEL"), "BKP_PARALLEL") ?? file.Parallel
            ?? Math.Clamp(Environment.ProcessorCount, 1, 8);
        var largeParallel = Integer(cli.LargeFileParallel, "--large-parallel") ?? Integer(environment("BKP_LARGE_FILE_PARALLEL"), "BKP_LARGE_FILE_PARALLEL")
            ?? file.LargeFileParallel ?? 1;
        var budget = Bytes(cli.ReverifyBudget, "--reverify-budget") ?? Bytes(environment("BKP_REVERIFY_BUDGET"), "BKP_REVERIFY_BUDGET") ?? file.ReverifyBudget;
        var collectorUrl = Url(cli.CollectorUrl, "--collector") ?? Url(environment("BKP_COLLECTOR_URL"), "BKP_COLLECTOR_URL") ?? file.CollectorUrl;
        var collectorKey = Key(cli.CollectorKey, "--collector-key") ?? Key(environment("BKP_COLLECTOR_KEY"), "BKP_COLLECTOR_KEY") ?? file.CollectorKey;

        return new ProbeConfig
        {
            BranchId = branch,
            StateDirectory = Path.GetFullPath(stateDirectory, workingDirectory),
            Sets = sets,
            Parallel = parallel,
            LargeFileParallel = largeParallel,
            ReverifyBudgetBytes = budget,
            Language = language.Value,
            CollectorUrl = collectorUrl,
            CollectorKey = collectorKey,
            SourcePath = path,
        };

        Uri? Url(string? text, string field) =>
            text is null ? null : ParseCollectorUrl(text, field.StartsWith('-') ? "command line" : "environment", field, messages);

        string? Key(string? text, string field) =>
            text is null ? null : ParseCollectorKey(text, field.StartsWith('-') ? "command line" : "environment", field, messages);

        int? Integer(string? text, string field)
        {
            if (text is null)
            {
                return null;
            }

            if (!int.TryParse(text, out var value) || value < 1 || value > ProbeConfig.MaxParallel)
            {
                throw new ConfigException(field.StartsWith('-') ? "command line" : "environment", field, messages.BadInteger(text, 1, ProbeConfig.MaxParallel));
            }

            return value;
        }

        long? Bytes(string? text, string field)
        {
            if (text is null)
            {
                return null;
            }

            if (!ByteSize.TryParse(text, out var value))
            {
                throw new ConfigException(field.StartsWith('-') ? "command line" : "environment", field, messages.BadByteSize(text));
            }

            return value;
        }
    }

    /// <summary>The collector address, which only <c>run</c> needs; its absence is a configuration error like any other.</summary>
    public static Uri RequireCollectorUrl(ProbeConfig config) =>
        config.CollectorUrl ?? throw new ConfigException(config.SourcePath ?? FileName, "collectorUrl", new Messages(config.Language).CollectorUrlRequired);

    /// <summary>
    /// An absolute http(s) address without user, query or fragment: the request path is appended to it, and a
    /// key belongs in collectorKey rather than in an address that ends up in logs (so it is not echoed either).
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

    /// <summary>Sent as a header, so printable ASCII only; never echoed, as it is a secret.</summary>
    private static string ParseCollectorKey(string text, string source, string field, Messages m) =>
        text.Length > 0 && text.All(c => c > ' ' && c < (char)0x7F) ? text : throw new ConfigException(source, field, m.BadCollectorKey);

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
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "MonitoramentoBKP")
        : "/etc/bkp-probe";

    private static string DefaultStateDirectory() => OperatingSystem.IsWindows()
        ? Path.Combine(DefaultDataDirectory(), "state")
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_STATE_HOME")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state"), "bkp-probe");

    private static string DefaultBranchId()
    {
        var host = Regex.Replace(Environment.MachineName, "[^A-Za-z0-9._-]", "-").Trim('-', '.', '_');
        return host.Length == 0 ? "branch" : host[..Math.Min(host.Length, 64)];
    }

    private static Language? ParseLanguage(string? text, string field, Messages messages) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "pt" or "pt-br" or "pt_br" => Language.PortugueseBrazil,
        "en" or "en-us" or "en_us" or "en-gb" => Language.English,
        _ => throw new ConfigException(field.StartsWith('-') ? "command line" : "environment", field, messages.BadLanguage(text!)),
    };

    private static List<BackupSetConfig> ParseSetArguments(IReadOnlyList<string> arguments, Messages messages, string workingDirectory)
    {
        var sets = new List<BackupSetConfig>();
        foreach (var argument in arguments)
        {
            var eq = argument.IndexOf('=');
            if (eq <= 0 || eq == argument.Length - 1)
            {
                throw new ConfigException("command line", "--set", messages.BadSetArgument(argument));
            }

            var id = argument[..eq];
            if (!IdPattern().IsMatch(id))
            {
                throw new ConfigException("command line", "--set", messages.BadId(id));
            }

            if (sets.Exists(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ConfigException("command line", "--set", messages.DuplicateSetId(id));
            }

            Glob.TryParse("**", out var all, out _);
            sets.Add(new BackupSetConfig { Id = id, Root = FullRoot(argument[(eq + 1)..], workingDirectory, "command line", "--set", messages), Include = [all!], Exclude = [] });
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
        public string? CollectorKey { get; init; }
        public IReadOnlyList<BackupSetConfig> Sets { get; init; } = [];
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
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigException(path, "$", m.ExpectedObject);
            }

            // The file may choose the language its own errors are reported in, unless the command line did.
            Language? language = cliLanguage;
            if (language is null && root.TryGetProperty("language", out var lang))
            {
                language = ParseLanguage(lang.ValueKind == JsonValueKind.String ? lang.GetString() : lang.ToString(), "language", m);
                m = new Messages(language ?? Language.PortugueseBrazil);
            }

            CheckKeys(root, RootKeys, "", path, m);
            var result = new FileSettings
            {
                BranchId = OptionalString(root, "branchId", "branchId", path, m),
                StateDirectory = OptionalString(root, "stateDirectory", "stateDirectory", path, m),
                Language = root.TryGetProperty("language", out var l) ? ParseLanguage(l.GetString(), "language", m) : null,
                Parallel = OptionalInt(root, "parallel", path, m),
                LargeFileParallel = OptionalInt(root, "largeFileParallel", path, m),
                ReverifyBudget = OptionalBytes(root, "reverifyBudget", path, m),
                CollectorUrl = OptionalString(root, "collectorUrl", "collectorUrl", path, m) is { } url ? ParseCollectorUrl(url, path, "collectorUrl", m) : null,
                CollectorKey = OptionalString(root, "collectorKey", "collectorKey", path, m) is { } key ? ParseCollectorKey(key, path, "collectorKey", m) : null,
            };

            if (!root.TryGetProperty("sets", out var setsElement))
            {
                return result;
            }

            if (setsElement.ValueKind != JsonValueKind.Array)
            {
                throw new ConfigException(path, "sets", m.ExpectedSetList);
            }

            var sets = new List<BackupSetConfig>();
            var index = 0;
            foreach (var element in setsElement.EnumerateArray())
            {
                var at = $"sets[{index}]";
                sets.Add(ReadSet(element, at, path, m, sets));
                index++;
            }

            return result with { Sets = sets };
        }
    }

    private static BackupSetConfig ReadSet(JsonElement element, string at, string path, Messages m, List<BackupSetConfig> earlier)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ConfigException(path, at, m.ExpectedObject);
        }

        CheckKeys(element, SetKeys, at + ".", path, m);
        var id = OptionalString(element, "id", at + ".id", path, m) ?? throw new ConfigException(path, at + ".id", m.Required);
        if (!IdPattern().IsMatch(id))
        {
            throw new ConfigException(path, at + ".id", m.BadId(id));
        }

        if (earlier.Exists(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ConfigException(path, at + ".id", m.DuplicateSetId(id));
        }

        var root = OptionalString(element, "root", at + ".root", path, m);
        if (string.IsNullOrWhiteSpace(root))
        {
            throw new ConfigException(path, at + ".root", m.Required);
        }

        var include = Globs(element, "include", at, path, m);
        var exclude = Globs(element, "exclude", at, path, m);
        if (include.Count == 0)
        {
            Glob.TryParse("**", out var all, out _);
            include.Add(all!);
        }

        var recurse = true;
        if (element.TryGetProperty("recurse", out var r))
        {
            recurse = r.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new ConfigException(path, at + ".recurse", m.ExpectedBoolean),
            };
        }

        return new BackupSetConfig
        {
            Id = id,
            Root = FullRoot(root, Path.GetDirectoryName(path)!, path, at + ".root", m),
            Include = include,
            Exclude = exclude,
            Recurse = recurse,
        };
    }

    /// <summary>
    /// A set's root as a full path the manifest can carry: U+0000 is in no real path (and GetFullPath throws on
    /// it), and no path Windows opens is longer than <see cref="ManifestLimits.MaxRootPathLength"/>.
    /// </summary>
    private static string FullRoot(string root, string baseDirectory, string source, string field, Messages m)
    {
        if (root.Contains('\0', StringComparison.Ordinal))
        {
            throw new ConfigException(source, field, m.RootWithNul);
        }

        var full = Path.GetFullPath(root, baseDirectory);
        return full.Length <= ManifestLimits.MaxRootPathLength
            ? full
            : throw new ConfigException(source, field, m.RootTooLong(full.Length, ManifestLimits.MaxRootPathLength));
    }

    private static List<Glob> Globs(JsonElement element, string key, string at, string path, Messages m)
    {
        var globs = new List<Glob>();
        if (!element.TryGetProperty(key, out var list))
        {
            return globs;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new ConfigException(path, $"{at}.{key}", m.ExpectedArrayOfStrings);
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var field = $"{at}.{key}[{i}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new ConfigException(path, field, m.ExpectedString);
            }

            var pattern = item.GetString()!;
            if (!Glob.TryParse(pattern, out var glob, out var problem))
            {
                throw new ConfigException(path, field, m.Glob(problem, pattern));
            }

            globs.Add(glob!);
            i++;
        }

        return globs;
    }

    private static void CheckKeys(JsonElement element, string[] allowed, string prefix, string path, Messages m)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw new ConfigException(path, prefix + property.Name, m.UnknownKey(allowed));
            }
        }
    }

    private static string? OptionalString(JsonElement element, string key, string field, string path, Messages m)
    {
        if (!element.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new ConfigException(path, field, m.ExpectedString);
    }

    private static int? OptionalInt(JsonElement element, string key, string path, Messages m)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 1 && n <= ProbeConfig.MaxParallel)
        {
            return n;
        }

        throw new ConfigException(path, key, m.BadInteger(value.ToString(), 1, ProbeConfig.MaxParallel));
    }

    private static long? OptionalBytes(JsonElement element, string key, string path, Messages m)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= 0)
        {
            return n;
        }

        if (value.ValueKind == JsonValueKind.String && ByteSize.TryParse(value.GetString()!, out var parsed))
        {
            return parsed;
        }

        throw new ConfigException(path, key, m.BadByteSize(value.ToString()));
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
