using System.CommandLine;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.ReleaseTool.Signing;

namespace MonitoramentoBKP.ReleaseTool.Commands;

/// <summary>
/// <c>bkp-release keygen --out FILE</c>: a new P-256 release signing key in FILE (PKCS#8 PEM, mode 0600, never over an
/// existing file); prints its KeyId and its public key (base64 SPKI), which is what goes into the probe's
/// release keys or <c>probe.json</c>'s <c>releaseKeys</c>, and into a rotation.
/// </summary>
public static class KeygenCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "The private key file to create (it must not exist); keep it offline" };
        var command = new Command("keygen", "Create a new P-256 release signing key") { output };
        ToolCommand.SetAction(command, (parse, _) =>
        {
            var path = Path.GetFullPath(ToolCommand.Required(parse, output));
            using var key = SigningKeyFile.Create(path);
            Console.Out.WriteLine($"Key file:   {path} (keep it offline; anyone holding it can sign releases)");
            Console.Out.WriteLine($"KeyId:      {KeyId.Of(key)}");
            Console.Out.WriteLine($"Public key: {PublicKeyInfo.Export(key)}");
            return Task.FromResult(ReleaseExitCodes.Ok);
        });
        return command;
    }
}
