using System.Globalization;
using System.Text;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>probe-bench.md: the same figures as the console, as a table to paste into a pull request.</summary>
public static class MarkdownReport
{
    public static void Write(BenchReport report, string path)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("# bkp-probe benchmark").AppendLine();
        md.AppendLine(inv, $"{report.GeneratedUtc:yyyy-MM-dd HH:mm} UTC, {report.Mode} run, best of {report.Repetitions} runs per command, data in `{report.WorkDirectory}` (warm in the page cache).").AppendLine();
        md.AppendLine("## Machine").AppendLine();
        foreach (var line in ConsoleReport.Header(report.Machine, report.ProbeBinary, report.Tools))
        {
            md.AppendLine(inv, $"- {Escape(line)}");
        }

        md.AppendLine().AppendLine("## Results").AppendLine();
        md.AppendLine("| # | Scenario | bkp-probe | Other tools | Ratios | Target | Result |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in report.Scenarios)
        {
            var others = string.Join("<br>", r.Others.Select(o => $"{Escape(o.Tool)}: {o.ValueText}"));
            var ratios = string.Join("<br>", r.Ratios.Select(x => Escape(x.Text)));
            md.AppendLine(inv, $"| {r.Id} | {Escape(r.Title)} | {r.Probe.ValueText} | {others} | {ratios} | {Escape(r.Target)} | **{Verdicts.Text(r.Verdict)}** |");
        }

        if (report.Notes.Count > 0)
        {
            md.AppendLine().AppendLine("## Notes").AppendLine();
            foreach (var note in report.Notes)
            {
                md.AppendLine(inv, $"- {Escape(note)}");
            }
        }

        md.AppendLine().AppendLine("## Details").AppendLine();
        foreach (var r in report.Scenarios)
        {
            md.AppendLine(inv, $"### {r.Id}. {Escape(r.Title)}").AppendLine();
            foreach (var figure in new[] { r.Probe }.Concat(r.Others))
            {
                md.AppendLine(inv, $"- {Escape(figure.Tool)}: {figure.ValueText} ({Escape(figure.Detail)})");
            }

            foreach (var note in r.Notes)
            {
                md.AppendLine(inv, $"- {Escape(note)}");
            }

            if (r.Commands.Count > 0)
            {
                md.AppendLine().AppendLine("```sh");
                foreach (var command in r.Commands)
                {
                    md.AppendLine(command);
                }

                md.AppendLine("```");
            }

            md.AppendLine();
        }

        File.WriteAllText(path, md.ToString().TrimEnd() + "\n");
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
