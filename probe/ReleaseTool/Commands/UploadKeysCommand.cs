using System.CommandLine;
using MonitoramentoBKP.ReleaseTool.Releases;
using MonitoramentoBKP.ReleaseTool.Storage;

namespace MonitoramentoBKP.ReleaseTool.Commands;

/// <summary>
/// <c>bkp-release upload-keys --file keys-vN.json</c> with the storage options of <c>upload</c>: checks that the file
/// is a signed key rotation (<see cref="KeyListFile"/>) and stores it as <c>releases/keys.json</c> when it is newer
/// than the one stored (<see cref="KeyListUploader"/>); probes fetch it before their next update check.
/// </summary>
public static class UploadKeysCommand
{
    public static Command Create()
    {
        var file = new Option<string?>("--file") { Description = "The key rotation written by 'bkp-release rotate'" };
        var storage = new StorageOptions();
        var command = new Command("upload-keys", $"Upload a key rotation as {ReleaseUploader.ContainerName}/{KeyListUploader.BlobName}, which the collector serves to every probe") { file };
        foreach (var option in storage.All)
        {
            command.Options.Add(option);
        }

        ToolCommand.SetAction(command, async (parse, cancellationToken) =>
        {
            var path = ToolCommand.Required(parse, file);
            var service = storage.Create(parse);
            var rotation = await KeyListFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            var replaced = await new KeyListUploader(service).UploadAsync(rotation, line => Console.Error.WriteLine($"bkp-release: warning: {line}"), cancellationToken).ConfigureAwait(false);
            Console.Out.WriteLine($"Uploaded key rotation {rotation.Document.Version} to {service.Uri} as {ReleaseUploader.ContainerName}/{KeyListUploader.BlobName}"
                + (replaced is { } before ? $", replacing rotation {before}." : "."));
            Console.Out.WriteLine("Probes fetch it before their next update check and take it only if it is signed by a key they trust now. Releases signed by the new keys can follow.");
            return ReleaseExitCodes.Ok;
        });
        return command;
    }
}
