using System.Text.Json.Nodes;
using MonitoramentoBKP.Infra.Tests.Support;

namespace MonitoramentoBKP.Infra.Tests;

/// <summary>Every Bicep file builds (which lints it) with the real compiler without a single diagnostic, under a config that makes every linter rule an error.</summary>
public sealed class BicepBuildTests
{
    public static TheoryData<string> Files() => [.. Bicep.Files()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Builds_and_lints_with_no_warning(string file)
    {
        var build = file.EndsWith(".bicepparam", StringComparison.Ordinal)
            ? Bicep.Run("build-params", file, "--stdout")
            : Bicep.Run("build", file, "--stdout");
        Assert.True(build.ExitCode == 0, $"bicep build {file}: {build}");

        // A build runs the linter too: any finding, at any level, is printed here.
        Assert.True(build.Error.Trim().Length == 0, $"bicep build {file} printed diagnostics:\n{build.Error}");
    }

    [Fact]
    public void The_files_are_main_its_modules_and_a_parameters_file_per_environment()
    {
        var files = Bicep.Files().ToList();
        Assert.Contains("main.bicep", files);
        Assert.Contains(Path.Combine("params", "dev.bicepparam"), files);
        Assert.Contains(Path.Combine("params", "prod.bicepparam"), files);
        Assert.Contains(files, f => f.StartsWith("modules" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    [Fact]
    public void The_linter_is_on_and_every_rule_it_lists_is_an_error()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(Bicep.InfraFolder, "bicepconfig.json")))!["analyzers"]!["core"]!;
        Assert.True((bool)config["enabled"]!);
        var rules = config["rules"]!.AsObject();
        Assert.True(rules.Count >= 30, $"only {rules.Count} rules configured");
        Assert.All(rules, r => Assert.Equal((r.Key, "error"), (r.Key, (string?)r.Value!["level"])));
    }

    [Fact]
    public void A_lint_finding_fails_the_build_of_a_file_like_ours()
    {
        // The config really turns findings into errors: an unused parameter next to main.bicep is refused.
        var probe = Path.Combine(Bicep.InfraFolder, $"lint-check-{Guid.NewGuid():N}.bicep");
        File.WriteAllText(probe, "@description('never used')\nparam unused string\n");
        try
        {
            var result = Bicep.Run("build", Path.GetFileName(probe), "--stdout");
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("no-unused-params", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(probe);
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Each_environment_s_parameters_name_that_environment(string environment)
    {
        var parameters = Bicep.Parameters(Path.Combine("params", $"{environment}.bicepparam"))["parameters"]!;
        Assert.Equal(environment, (string?)parameters["environmentName"]!["value"]);
    }
}
