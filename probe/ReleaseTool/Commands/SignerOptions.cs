using System.CommandLine;
using MonitoramentoBKP.ReleaseTool.Signing;

namespace MonitoramentoBKP.ReleaseTool.Commands;

/// <summary>
/// The signing keys of a command: <c>--key-file FILE</c> and <c>--key-vault-key URL</c>, each repeatable (sign), or
/// the same with a <c>signer-</c> prefix (rotate), and <c>--credential</c> for Key Vault.
/// </summary>
public sealed class SignerOptions
{
    public SignerOptions(string prefix = "")
    {
        KeyFiles = new Option<string[]>($"--{prefix}key-file") { Description = "A P-256 private key file (PKCS#8 PEM, from 'bkp-release keygen'); repeatable" };
        KeyVaultKeys = new Option<string[]>($"--{prefix}key-vault-key") { Description = "An Azure Key Vault EC P-256 key: https://<vault>.vault.azure.net/keys/<name>[/<version>]; repeatable" };
        Credential = CredentialOption();
    }

    public Option<string[]> KeyFiles { get; }

    public Option<string[]> KeyVaultKeys { get; }

    public Option<string?> Credential { get; }

    public IEnumerable<Option> All => [KeyFiles, KeyVaultKeys, Credential];

    /// <summary>The <c>--credential</c> option: which Microsoft Entra credential signs the Key Vault and Blob Storage requests.</summary>
    public static Option<string?> CredentialOption() => new("--credential")
    {
        Description = $"Microsoft Entra credential for Azure: {string.Join(", ", AzureCredentials.Kinds)} (default: default)",
    };

    /// <summary>
    /// The signers, key files first; every name is checked (and every key file read) before any is used, so a typo
    /// in the second key does not come after a Key Vault call for the first. The caller disposes them.
    /// </summary>
    public IReadOnlyList<IEnvelopeSigner> Create(ParseResult parse, HttpClient http, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var files = parse.GetValue(KeyFiles) ?? [];
        var vaultKeys = (parse.GetValue(KeyVaultKeys) ?? []).Select(text => KeyVaultKeyUri.Parse(text, KeyVaultKeys.Name)).ToList();
        if (files.Length + vaultKeys.Count == 0)
        {
            throw ReleaseToolException.BadInput($"No signing key: give {KeyFiles.Name} FILE or {KeyVaultKeys.Name} URL (either may be repeated).");
        }

        var credentialKind = parse.GetValue(Credential);
        if (credentialKind is not null && !AzureCredentials.Kinds.Contains(credentialKind, StringComparer.Ordinal))
        {
            throw ReleaseToolException.BadInput($"{Credential.Name} {credentialKind}: expected one of {string.Join(", ", AzureCredentials.Kinds)}.");
        }

        var credential = vaultKeys.Count > 0 ? AzureCredentials.Create(credentialKind) : null;
        var signers = new List<IEnvelopeSigner>();
        try
        {
            foreach (var file in files)
            {
                var path = Path.GetFullPath(file);
                signers.Add(new KeyFileSigner(SigningKeyFile.Read(path, KeyFiles.Name, warnings), path));
            }
        }
        catch
        {
            Dispose(signers);
            throw;
        }

        signers.AddRange(vaultKeys.Select(key => new KeyVaultSigner(key, credential!, http)));
        return signers;
    }

    public static void Dispose(IEnumerable<IEnvelopeSigner> signers)
    {
        foreach (var signer in signers.OfType<IDisposable>())
        {
            signer.Dispose();
        }
    }
}
