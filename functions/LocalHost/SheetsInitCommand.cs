using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.LocalHost;

/// <summary>
/// "sheets init": lays out (or repairs) the sheet's three tabs and writes them, as POST /api/sheets/init does, then
/// says where. Exit code 0 when written, 1 when the sheet refused or was unavailable, 2 when another dispatch was at work.
/// </summary>
public static class SheetsInitCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var dispatcher = services.GetRequiredService<SheetDispatcher>();
        var result = await dispatcher.InitAsync(CancellationToken.None).ConfigureAwait(false);
        if (result.WasBusy)
        {
            await output.WriteLineAsync("sheets init: another dispatch is writing the sheet; try again in a minute.").ConfigureAwait(false);
            return 2;
        }

        if (result.Problem is { } problem)
        {
            await output.WriteLineAsync($"sheets init: {dispatcher.Writer.Describe} could not be written: {problem.Problem}").ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync($"sheets init: {dispatcher.Writer.Describe} has its tabs {SheetTab.Status}, {SheetTab.Alerts} and {SheetTab.History}.").ConfigureAwait(false);
        return 0;
    }
}
