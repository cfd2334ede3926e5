using System.CommandLine;
using System.Globalization;
using MonitoramentoBKP.ReleaseTool.Releases;

namespace MonitoramentoBKP.ReleaseTool.Commands;

/// <summary>
/// <c>bkp-release rotate --version N --key NEWPUB ... --signer-key-file FILE|--signer-key-vault-key URL --out FILE</c>:
/// writes a key rotation (<see cref="KeyRotation"/>) signed by a key probes trust now.
/// </summary>
public static class RotateCommand
{
    public static Command Create()
    {
        var version = new Option<string?>("--version") { Description = "Rotation number: 2 or higher, above the last rotation published (1 is the probe's built-in keys)" };
        var keys = new Option<string[]>("--key") { Description = "A key to trust from now on, base64 SPKI as 'bkp-release keygen' prints it; repeatable (two recommended)" };
        var output = new Option<string?>("--out") { Description = "The rotation document to write (it must not exist)" };
        var signerOptions = new SignerOptions("signer-");
        var command = new Command("rotate", "Sign a new set of trusted release keys with a currently trusted key") { version, keys, output };
        foreach (var option in signerOptions.All)
        {
            command.Options.Add(option);
        }

        ToolCommand.SetAction(command, async (parse, cancellationToken) =>
        {
            var versionText = ToolCommand.Required(parse, version);
            if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw ReleaseToolException.BadInput($"{version.Name} {versionText}: a whole number, 2 or higher.");
            }

            var path = Path.GetFullPath(ToolCommand.Required(parse, output));
            if (File.Exists(path))
            {
                throw ReleaseToolException.BadInput($"{output.Name} {path}: the file exists; a rotation is written once (choose another name).");
            }

            using var http = ToolCommand.CreateHttpClient();
            var signers = signerOptions.Create(parse, http, Console.Error);
            try
            {
                var (envelope, document, signatures) = await KeyRotation.CreateAsync(number, parse.GetValue(keys) ?? [], signers, TimeProvider.System, cancellationToken).ConfigureAwait(false);
                try
                {
                    await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                    await file.WriteAsync(envelope, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw ReleaseToolException.BadInput($"{output.Name} {path}: cannot write it: {e.Message}");
                }

                Console.Out.WriteLine($"Key rotation {document.Version}: probes that accept it trust from then on:");
                foreach (var key in document.Keys)
                {
                    Console.Out.WriteLine($"  {key.KeyId}  {key.PublicKey}");
                }

                foreach (var (signature, signer) in signatures.Zip(signers))
                {
                    Console.Out.WriteLine($"  signed by {signature.KeyId} ({signer.Source}); probes accept it only if they trust this key now");
                }

                if (document.Keys.Count == 1)
                {
                    Console.Error.WriteLine("bkp-release: warning: only one key; with two, the next rotation can be signed by a key kept apart from the one in use.");
                }

                Console.Out.WriteLine($"Written: {path}");
                return ReleaseExitCodes.Ok;
            }
            finally
            {
                SignerOptions.Dispose(signers);
            }
        });
        return command;
    }
}
