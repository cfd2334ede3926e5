using System.CommandLine;
using System.Globalization;
using MonitoramentoBKP.ReleaseTool.Releases;
using MonitoramentoBKP.ReleaseTool.Storage;

namespace MonitoramentoBKP.ReleaseTool.Commands;

/// <summary>
/// <c>bkp-release upload --dir DIR --channel C --version V</c> with <c>--blob-service-url URL</c> (Microsoft Entra
/// credential; the storage account allows no shared keys) or <c>--connection-string</c> (Azurite): checks the
/// folder against its signed document (<see cref="ReleaseFolder"/>) and uploads it (<see cref="ReleaseUploader"/>).
/// </summary>
public static class UploadCommand
{
    public static Command Create()
    {
        var directory = new Option<string?>("--dir") { Description = "The release folder written by 'bkp-release sign'" };
        var channel = new Option<string?>("--channel") { Description = "The release's channel (must match its document)" };
        var version = new Option<string?>("--version") { Description = "The release's version (must match its document)" };
        var storage = new StorageOptions();
        var command = new Command("upload", $"Upload a signed release folder to the '{ReleaseUploader.ContainerName}' container") { directory, channel, version };
        foreach (var option in storage.All)
        {
            command.Options.Add(option);
        }

        ToolCommand.SetAction(command, async (parse, cancellationToken) =>
        {
            var folderPath = ToolCommand.Required(parse, directory);
            var channelName = ReleaseNames.Channel(ToolCommand.Required(parse, channel), channel.Name);
            var versionText = ReleaseNames.Version(ToolCommand.Required(parse, version), version.Name);
            var service = storage.Create(parse);
            var folder = await ReleaseFolder.ReadAsync(folderPath, channelName, versionText, cancellationToken).ConfigureAwait(false);
            var blobs = await new ReleaseUploader(service).UploadAsync(folder, cancellationToken).ConfigureAwait(false);
            foreach (var blob in blobs)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {ReleaseUploader.ContainerName}/{blob.Name}  {blob.Length:N0} bytes{(blob.AlreadyThere ? "  (already there from an earlier upload, same SHA-256)" : "")}"));
            }

            Console.Out.WriteLine($"Uploaded release {versionText} of {channelName} to {service.Uri}. Next: bkp-release publish --channel {channelName} --version {versionText} --percent N ...");
            return ReleaseExitCodes.Ok;
        });
        return command;
    }
}
