using System.Runtime.Versioning;
using System.Security.Cryptography;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;

// Under Wine: seals the bytes given with the probe's DPAPI protector, writes the blob to the folder given, reads it back
// and unseals it, then checks that a changed blob is refused, directly and through the key store. Prints one
// "check=result" line per check (the xUnit side asserts them) and exits 0 only when every check passed.
if (!OperatingSystem.IsWindows() || args.Length != 2)
{
    Console.Error.WriteLine("usage (on Windows or under Wine): MonitoramentoBKP.WineDpapi.exe <output folder> <bytes to seal, base64>");
    return 2;
}

return WineChecks.Run(args[0], Convert.FromBase64String(args[1]));

/// <summary>The checks, one line each, so a failure says which one.</summary>
[SupportedOSPlatform("windows")]
internal static class WineChecks
{
    public static int Run(string folder, byte[] plain)
    {
        var protector = new DpapiKeyProtector();
        var failed = 0;

        var blob = protector.Protect(plain);
        var blobPath = Path.Combine(folder, "blob.bin");
        File.WriteAllBytes(blobPath, blob);
        var back = protector.Unprotect(File.ReadAllBytes(blobPath));
        failed += Report("roundtrip", back.AsSpan().SequenceEqual(plain) ? "ok" : "different bytes");
        failed += Report("sealed", blob.AsSpan().IndexOf(plain) < 0 ? "ok" : "the plain bytes are in the blob");

        var tampered = (byte[])blob.Clone();
        tampered[^1] ^= 0x01;
        failed += Report("tampered", Refusal(() => protector.Unprotect(tampered)));

        var store = new ProbeKeyStore(new Messages(Language.English), protector);
        var tamperedPath = Path.Combine(folder, "tampered.key");
        File.WriteAllBytes(tamperedPath, tampered);
        failed += Report("store-tampered", StoreRefusal(store, tamperedPath, ProbeKeyProblem.NotThisAccount));
        failed += Report("store-missing", StoreRefusal(store, Path.Combine(folder, "absent.key"), ProbeKeyProblem.Missing));

        Console.WriteLine(failed == 0 ? "result=passed" : $"result={failed} failed");
        return failed == 0 ? 0 : 1;
    }

    private static int Report(string check, string outcome)
    {
        Console.WriteLine($"{check}={outcome}");
        return outcome.StartsWith("ok", StringComparison.Ordinal) ? 0 : 1;
    }

    private static string Refusal(Func<byte[]> unprotect)
    {
        try
        {
            unprotect();
            return "accepted";
        }
        catch (CryptographicException)
        {
            return "ok (refused)";
        }
    }

    private static string StoreRefusal(ProbeKeyStore store, string path, ProbeKeyProblem expected)
    {
        try
        {
            using var key = store.Load(path);
            return "loaded";
        }
        catch (ProbeKeyException e)
        {
            return e.Problem == expected ? $"ok ({e.Problem}: {e.Message})" : $"{e.Problem}: {e.Message}";
        }
    }
}
