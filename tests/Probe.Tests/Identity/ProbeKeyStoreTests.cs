using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Identity;

/// <summary>The key file as Linux keeps it: PKCS#8 PEM, mode 0600, refused like ssh when others can open it.</summary>
[SupportedOSPlatform("linux")]
public sealed class ProbeKeyStoreTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly ProbeKeyStore _store = new(new Messages(Language.English));

    private string KeyPath => ProbeKeyStore.PathIn(_tree.PathOf("state"));

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void A_created_key_loads_back_and_its_signatures_verify_with_the_created_public_key()
    {
        using var created = _store.Create(KeyPath);
        using var loaded = _store.Load(KeyPath);
        var data = "POST https://coletor.exemplo.com.br/api/manifests"u8.ToArray();

        var signature = loaded.SignData(data, HashAlgorithmName.SHA256);

        using var verifier = ECDsa.Create();
        verifier.ImportSubjectPublicKeyInfo(created.ExportSubjectPublicKeyInfo(), out _);
        Assert.True(verifier.VerifyData(data, signature, HashAlgorithmName.SHA256));
        Assert.False(verifier.VerifyData("GET"u8.ToArray(), signature, HashAlgorithmName.SHA256));
        Assert.Equal(256, loaded.KeySize);
    }

    [Fact]
    public void The_key_file_is_0600_right_after_create_and_a_pkcs8_pem_that_other_tools_read()
    {
        using var created = _store.Create(KeyPath);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
        var text = File.ReadAllText(KeyPath);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----\n", text, StringComparison.Ordinal);
        Assert.EndsWith("-----END PRIVATE KEY-----\n", text, StringComparison.Ordinal);
        using var independent = ECDsa.Create();
        independent.ImportFromPem(text);
        Assert.Equal(created.ExportSubjectPublicKeyInfo(), independent.ExportSubjectPublicKeyInfo());
    }

    [Theory]
    [InlineData("644")]
    [InlineData("640")]
    [InlineData("660")]
    [InlineData("604")]
    [InlineData("602")]
    [InlineData("620")]
    public void A_key_file_that_group_or_others_can_open_is_refused_with_one_line_naming_the_file_and_the_fix(string octal)
    {
        using (_store.Create(KeyPath))
        {
        }

        File.SetUnixFileMode(KeyPath, (UnixFileMode)Convert.ToInt32(octal, 8));

        var refused = Assert.Throws<ProbeKeyException>(() => _store.Load(KeyPath));

        Assert.Equal(ProbeKeyProblem.TooOpen, refused.Problem);
        Assert.Equal(KeyPath, refused.KeyPath);
        Assert.Equal($"the probe key {KeyPath} is accessible to other users (mode 0{octal}); run chmod 600 {KeyPath}", refused.Message);
    }

    [Fact]
    public void The_refusal_of_an_open_key_file_is_in_portuguese_by_default()
    {
        using (_store.Create(KeyPath))
        {
        }

        File.SetUnixFileMode(KeyPath, (UnixFileMode)Convert.ToInt32("644", 8));
        var portuguese = new ProbeKeyStore(new Messages(Language.PortugueseBrazil));

        var refused = Assert.Throws<ProbeKeyException>(() => portuguese.Load(KeyPath));

        Assert.Equal($"a chave da sonda {KeyPath} pode ser acessada por outros usuários (permissões 0644); execute chmod 600 {KeyPath}", refused.Message);
    }

    [Fact]
    public void The_chmod_fix_quotes_a_path_the_shell_would_split()
    {
        var path = ProbeKeyStore.PathIn(_tree.Folder("it's a state"));
        using (_store.Create(path))
        {
        }

        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("640", 8));

        var refused = Assert.Throws<ProbeKeyException>(() => _store.Load(path));

        var quoted = "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        Assert.EndsWith($"; run chmod 600 {quoted}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_made_private_again_loads()
    {
        using var created = _store.Create(KeyPath);
        File.SetUnixFileMode(KeyPath, (UnixFileMode)Convert.ToInt32("644", 8));
        Assert.Throws<ProbeKeyException>(() => _store.Load(KeyPath));

        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        using var loaded = _store.Load(KeyPath);
        Assert.Equal(created.ExportSubjectPublicKeyInfo(), loaded.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void A_missing_key_file_says_to_run_enroll()
    {
        var refused = Assert.Throws<ProbeKeyException>(() => _store.Load(KeyPath));

        Assert.Equal(ProbeKeyProblem.Missing, refused.Problem);
        Assert.Equal($"probe key not found: {KeyPath}; run bkp-probe enroll", refused.Message);
        Assert.Equal("chave da sonda não encontrada: /nada/probe.key; execute bkp-probe enroll",
            Assert.Throws<ProbeKeyException>(() => new ProbeKeyStore(new Messages(Language.PortugueseBrazil)).Load("/nada/probe.key")).Message);
    }

    [Fact]
    public void A_folder_where_the_key_file_should_be_is_unreadable_not_missing()
    {
        Directory.CreateDirectory(KeyPath);

        var refused = Assert.Throws<ProbeKeyException>(() => _store.Load(KeyPath));

        Assert.Equal(ProbeKeyProblem.Unreadable, refused.Problem);
        Assert.StartsWith($"could not read the probe key {KeyPath} (", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("); check that the scheduled task's account can read the file", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    public static TheoryData<string, string> CorruptFiles()
    {
        var pem = PemOf(P256Pkcs8());
        return new()
        {
            { "empty", "" },
            { "not PEM", "chave" },
            { "cut in half", pem[..(pem.Length / 2)] },
            { "one base64 character changed", pem.Replace(pem[40..44], "!!!!", StringComparison.Ordinal) },
            { "SEC1 instead of PKCS#8", ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportECPrivateKeyPem() },
            { "a public key", ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportSubjectPublicKeyInfoPem() },
            { "two keys", pem + pem },
            { "text after the key", pem + "senha: 1234\n" },
            { "PEM of bytes that are no key", PemEncoding.WriteString("PRIVATE KEY", [0x30, 0x03, 0x02, 0x01, 0x00]) },
            { "PKCS#8 with bytes after it", PemEncoding.WriteString("PRIVATE KEY", [.. P256Pkcs8(), 0x00]) },
            { "PKCS#8 whose private key is damaged", PemEncoding.WriteString("PRIVATE KEY", DamagedInside(P256Pkcs8())) },
        };
    }

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public void A_damaged_key_file_is_refused_without_showing_its_content(string what, string content)
    {
        WritePrivate(KeyPath, content);

        var refused = Assert.Throws<ProbeKeyException>(() => _store.Load(KeyPath));

        Assert.True(refused.Problem == ProbeKeyProblem.Corrupt, $"{what}: {refused.Problem}: {refused.Message}");
        Assert.Equal($"the probe key {KeyPath} is damaged (not a PKCS#8 private key); run bkp-probe enroll to make a new one", refused.Message);
    }

    public static TheoryData<string, string> OtherKeys() => new()
    {
        { "ECDSA P-384", PemOf(ECDsa.Create(ECCurve.NamedCurves.nistP384).ExportPkcs8PrivateKey()) },
        { "ECDSA P-521", PemOf(ECDsa.Create(ECCurve.NamedCurves.nistP521).ExportPkcs8PrivateKey()) },
        { "RSA", PemOf(RSA.Create(2048).ExportPkcs8PrivateKey()) },
    };

    [Theory]
    [MemberData(nameof(OtherKeys))]
    public void A_private_key_that_is_not_p256_is_refused_naming_its_kind(string kind, string pem)
    {
        WritePrivate(KeyPath, pem);

        var refused = Assert.Throws<ProbeKeyException>(() => _store.Load(KeyPath));

        Assert.Equal(ProbeKeyProblem.NotP256, refused.Problem);
        Assert.Equal($"the probe key {KeyPath} is not ECDSA P-256 ({kind}); run bkp-probe enroll to make a new one", refused.Message);
    }

    [Fact]
    public void Enrolling_again_replaces_the_key_in_one_rename_and_leaves_no_temporary_file()
    {
        using var first = _store.Create(KeyPath);
        using var second = _store.Create(KeyPath);

        Assert.Equal([KeyPath], Directory.GetFileSystemEntries(Path.GetDirectoryName(KeyPath)!));
        using var loaded = _store.Load(KeyPath);
        Assert.Equal(second.ExportSubjectPublicKeyInfo(), loaded.ExportSubjectPublicKeyInfo());
        Assert.NotEqual(first.ExportSubjectPublicKeyInfo(), loaded.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void A_reader_that_holds_the_old_key_file_open_during_re_enrollment_reads_the_whole_old_key()
    {
        using var first = _store.Create(KeyPath);
        using var reader = File.OpenRead(KeyPath);

        using var second = _store.Create(KeyPath);

        using var old = ECDsa.Create();
        old.ImportFromPem(new StreamReader(reader, Encoding.ASCII).ReadToEnd());
        Assert.Equal(first.ExportSubjectPublicKeyInfo(), old.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void A_key_that_cannot_be_written_is_refused_and_leaves_nothing_behind()
    {
        var blocker = _tree.File("state", "a file where the folder should be");
        var path = Path.Combine(blocker, "sub", ProbeKeyStore.FileName);

        var refused = Assert.Throws<ProbeKeyException>(() => _store.Create(path));

        Assert.Equal(ProbeKeyProblem.CannotWrite, refused.Problem);
        Assert.StartsWith($"could not write the probe key to {path} (", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("); check that this account can write to the folder", refused.Message, StringComparison.Ordinal);
        Assert.Equal([blocker], Directory.GetFileSystemEntries(_tree.Root));
    }

    [Fact]
    public void A_relative_path_is_named_in_full()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, KeyPath);

        var refused = Assert.Throws<ProbeKeyException>(() => _store.Load(relative));

        Assert.Equal(KeyPath, refused.KeyPath);
    }

    private static byte[] P256Pkcs8()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKey();
    }

    private static string PemOf(byte[] pkcs8) => PemEncoding.WriteString("PRIVATE KEY", pkcs8) + "\n";

    /// <summary>The PKCS#8 framing intact, the ECPrivateKey inside it not: its version 1 made 7.</summary>
    private static byte[] DamagedInside(byte[] pkcs8)
    {
        var damaged = (byte[])pkcs8.Clone();
        var version = damaged.AsSpan().IndexOf([(byte)0x02, (byte)0x01, (byte)0x01]);
        damaged[version + 2] = 7;
        return damaged;
    }

    private static void WritePrivate(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
