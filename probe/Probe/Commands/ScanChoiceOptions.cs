using System.CommandLine;

namespace MonitoramentoBKP.Probe.Commands;

/// <summary>The options shared by scan and run: how to scan and whether to keep the manifest locally.</summary>
public sealed class ScanChoiceOptions
{
    private readonly Option<bool> _json = new("--json") { Description = "Escreve o manifesto JSON na saída padrão / write the manifest JSON to stdout" };
    private readonly Option<string?> _output = new("--output", "-o") { Description = "Grava o manifesto neste arquivo / write the manifest to this file" };
    private readonly Option<bool> _verifyAll = new("--verify-all") { Description = "Relê e recalcula o hash de todos os arquivos / re-hash every file" };
    private readonly Option<bool> _timings = new("--timings") { Description = "Mostra tempos e bytes lidos no stderr / print timings and bytes read to stderr" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _json, _output, _verifyAll, _timings })
        {
            command.Options.Add(option);
        }
    }

    public ScanChoices Read(ParseResult parse) => new()
    {
        Json = parse.GetValue(_json),
        Output = parse.GetValue(_output),
        VerifyAll = parse.GetValue(_verifyAll),
        Timings = parse.GetValue(_timings),
    };
}
