using System.CommandLine;
using MonitoramentoBKP.ReleaseTool;
using MonitoramentoBKP.ReleaseTool.Commands;

var root = new RootCommand("bkp-release: cut, sign, upload and publish bkp-probe releases, and rotate the release signing keys. " + ReleaseExitCodes.HelpText);
root.Subcommands.Add(KeygenCommand.Create());
root.Subcommands.Add(SignCommand.Create());
root.Subcommands.Add(RotateCommand.Create());
root.Subcommands.Add(UploadCommand.Create());
root.Subcommands.Add(UploadKeysCommand.Create());
root.Subcommands.Add(PublishCommand.Create());

try
{
    var parse = root.Parse(args);
    if (parse.Errors.Count > 0)
    {
        foreach (var error in parse.Errors)
        {
            Console.Error.WriteLine($"bkp-release: {error.Message} (bkp-release --help)");
        }

        return ReleaseExitCodes.BadInput;
    }

    return await parse.InvokeAsync().ConfigureAwait(false);
}
catch (Exception e)
{
    Console.Error.WriteLine($"bkp-release: {e}");
    return ReleaseExitCodes.InternalError;
}
