using MonitoramentoBKP.Probe.Configuration;

namespace MonitoramentoBKP.Probe.Tests.Configuration;

public sealed class GlobTests
{
    [Theory]
    [InlineData("*.bak", "Vendas_20261130.bak", true)]
    [InlineData("*.bak", "Vendas/Vendas_20261130.BAK", true)]
    [InlineData("*.bak", "Vendas/Vendas.bak.tmp", false)]
    [InlineData("Vendas/*.bak", "Vendas/a.bak", true)]
    [InlineData("Vendas/*.bak", "Vendas/sub/a.bak", false)]
    [InlineData("Vendas/*.bak", "Outros/Vendas/a.bak", false)]
    [InlineData("**/*.zip", "a.zip", true)]
    [InlineData("**/*.zip", "x/y/z/a.zip", true)]
    [InlineData("sql/**", "sql/x/y.bak", true)]
    [InlineData("sql/**/full_*.bak", "sql/full_1.bak", true)]
    [InlineData("sql/**/full_*.bak", "sql/2026/11/full_1.bak", true)]
    [InlineData("*.{bak,zip}", "d/x.zip", true)]
    [InlineData("*.{bak,zip}", "d/x.7z", false)]
    [InlineData("dump_2026??.bak", "dump_202611.bak", true)]
    [InlineData("dump_2026??.bak", "dump_20261.bak", false)]
    [InlineData("[!~]*.bak", "~lock.bak", false)]
    [InlineData("[!~]*.bak", "ação.bak", true)]
    [InlineData("log[0-9].txt", "log7.txt", true)]
    [InlineData("cópia de segurança.bak", "pasta/Cópia de Segurança.bak", true)]
    [InlineData("a+b(1).bak", "a+b(1).bak", true)]
    public void Patterns_match_paths_relative_to_the_set_root_ignoring_case(string pattern, string path, bool expected)
    {
        Assert.True(Glob.TryParse(pattern, out var glob, out var problem), problem.ToString());
        Assert.Equal(expected, glob!.IsMatch(path));
    }

    [Theory]
    [InlineData("", GlobProblem.Empty)]
    [InlineData("/backup/*.bak", GlobProblem.Absolute)]
    [InlineData(@"C:\backup\*.bak", GlobProblem.Absolute)]
    [InlineData("sql//*.bak", GlobProblem.EmptySegment)]
    [InlineData("../*.bak", GlobProblem.ParentSegment)]
    [InlineData("sql/a**/*.bak", GlobProblem.DoubleStarNotAlone)]
    [InlineData("[]x", GlobProblem.EmptyClass)]
    [InlineData("[abc.bak", GlobProblem.UnclosedClass)]
    [InlineData("*.{bak,zip", GlobProblem.UnclosedBrace)]
    [InlineData("*.bak}", GlobProblem.UnopenedBrace)]
    [InlineData("{a,{b,c}}", GlobProblem.NestedBraces)]
    [InlineData("{a/b,c}", GlobProblem.SlashInGroup)]
    public void A_bad_pattern_is_refused_with_its_reason(string pattern, GlobProblem expected)
    {
        Assert.False(Glob.TryParse(pattern, out var glob, out var problem));
        Assert.Null(glob);
        Assert.Equal(expected, problem);
    }
}
