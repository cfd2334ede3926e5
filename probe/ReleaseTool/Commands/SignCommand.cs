using System.CommandLine;
using System.Globalization;
using MonitoramentoBKP.ReleaseTool.Releases;

namespace MonitoramentoBKP.ReleaseTool.Commands;

/// <summary>
/// <c>bkp-release sign --version V --channel C [--expires-days N] --file RUNTIME=PATH ... --out DIR</c> with
/// <c>--key-file</c> and/or <c>--key-vault-key</c>: writes the release folder (<see cref="ReleaseCutter"/>) that
/// <c>upload</c> sends to storage.
/// </summary>
public static class SignCommand
{
    public const int DefaultExpiresDays = 30;

    /// <summary>A document valid for years would let a frozen mirror hold probes on it for as long.</summary>
    public const int MaxExpiresDays = 366;

    public static Command Create()
    {
        var version = new Option<string?>("--version") { Description = "Release version, such as 1.4.0 (newer than every earlier release)" };
        var channel = new Option<string?>("--channel") { Description = "Channel, such as stable or pilot" };
        var expires = new Option<string?>("--expires-days") { Description = $"Days the document stays valid (default {DefaultExpiresDays}, at most {MaxExpiresDays})" };
        var files = new Option<string[]>("--file") { Description = $"RUNTIME=PATH of a published bkp-probe; runtimes: {string.Join(", ", ReleaseNames.Runtimes)}; repeatable" };
        var output = new Option<string?>("--out") { Description = "The release folder to write (new or empty): release.json and the files" };
        var signerOptions = new SignerOptions();
        var command = new Command("sign", "Build and sign a release from published executables") { version, channel, expires, files, output };
        foreach (var option in signerOptions.All)
        {
            command.Options.Add(option);
        }

        ToolCommand.SetAction(command, async (parse, cancellationToken) =>
        {
            var spec = new ReleaseSpec
            {
                Version = ReleaseNames.Version(ToolCommand.Required(parse, version), version.Name),
                Channel = ReleaseNames.Channel(ToolCommand.Required(parse, channel), channel.Name),
                ValidFor = TimeSpan.FromDays(Days(parse.GetValue(expires), expires.Name)),
                Files = ReleaseFileSource.ParseAll(parse.GetValue(files) ?? []),
                OutputDirectory = ToolCommand.Required(parse, output),
            };
            using var http = ToolCommand.CreateHttpClient();
            var signers = signerOptions.Create(parse, http, Console.Error);
            try
            {
                var release = await ReleaseCutter.CutAsync(spec, signers, TimeProvider.System, cancellationToken).ConfigureAwait(false);
                var document = release.Document;
                var inv = CultureInfo.InvariantCulture;
                Console.Out.WriteLine($"Release {document.Version} ({document.Channel}), published {document.PublishedUtc.ToString("u", inv)}, expires {document.ExpiresUtc.ToString("u", inv)}");
                foreach (var file in document.Files)
                {
                    Console.Out.WriteLine(string.Create(inv, $"  {file.Runtime,-12} {file.Name}  {file.Length:N0} bytes  sha256 {file.Sha256}"));
                }

                foreach (var (signature, signer) in release.Signatures.Zip(signers))
                {
                    Console.Out.WriteLine($"  signed by {signature.KeyId} ({signer.Source})");
                }

                Console.Out.WriteLine($"Written: {release.EnvelopePath} and the files beside it. Next: bkp-release upload --dir {Path.GetDirectoryName(release.EnvelopePath)} --channel {document.Channel} --version {document.Version} ...");
                return ReleaseExitCodes.Ok;
            }
            finally
            {
                SignerOptions.Dispose(signers);
            }
        });
        return command;
    }

    private static int Days(string? text, string option)
    {
        if (text is null)
        {
            return DefaultExpiresDays;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxExpiresDays
            ? days
            : throw ReleaseToolException.BadInput($"{option} {text}: a whole number of days from 1 to {MaxExpiresDays}.");
    }
}
