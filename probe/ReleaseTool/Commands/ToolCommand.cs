using System.CommandLine;

namespace MonitoramentoBKP.ReleaseTool.Commands;

/// <summary>What every bkp-release command does the same way: a refusal is one line on stderr and its exit code.</summary>
public static class ToolCommand
{
    public static void SetAction(Command command, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await action(parse, cancellationToken).ConfigureAwait(false);
            }
            catch (ReleaseToolException e)
            {
                Console.Error.WriteLine($"bkp-release: {e.Message}");
                return e.ExitCode;
            }
        });
    }

    /// <summary>An option's value, or a usage refusal naming it when it is missing or blank.</summary>
    public static string Required(ParseResult parse, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(option);
        var value = parse.GetValue(option);
        return !string.IsNullOrWhiteSpace(value)
            ? value
            : throw ReleaseToolException.BadInput($"{option.Name} is required.");
    }

    /// <summary>An HTTP client for one short command: a minute per request at most.</summary>
    public static HttpClient CreateHttpClient() => new() { Timeout = TimeSpan.FromSeconds(60) };
}
