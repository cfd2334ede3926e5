using MonitoramentoBKP.Probe.Tests.Support;
using Xunit.Abstractions;

namespace MonitoramentoBKP.Probe.Tests.Identity;

/// <summary>
/// The probe's DPAPI key protector, run as Windows code under Wine (tests/WineDpapi): ECDSA does not work there, so
/// these prove the sealing that makes the Windows key file useless elsewhere, and the store's refusals around it.
/// </summary>
public sealed class WineDpapiTests(WineDpapi wine, ITestOutputHelper log) : IClassFixture<WineDpapi>
{
    [Fact]
    public void Sealed_bytes_written_to_a_file_unseal_back_to_the_same_bytes()
    {
        log.WriteLine($"publish {wine.PublishTime.TotalSeconds:0.0} s, wineboot and run {wine.WineTime.TotalSeconds:0.0} s");
        Assert.Equal("ok", Check("roundtrip"));
    }

    [Fact]
    public void The_sealed_blob_does_not_hold_the_plain_bytes()
    {
        Assert.Equal("ok", Check("sealed"));
        Assert.True(wine.Blob.Length > wine.Plain.Length, $"the blob is {wine.Blob.Length} bytes:\n{wine.Output}");
        Assert.True(wine.Blob.AsSpan().IndexOf(wine.Plain) < 0, "the plain bytes are in the blob written under Wine");
    }

    [Fact]
    public void A_changed_blob_does_not_unseal()
    {
        Assert.Equal("ok (refused)", Check("tampered"));
    }

    [Fact]
    public void The_store_on_windows_refuses_a_changed_key_file_saying_to_enroll_as_the_task_account()
    {
        Assert.Equal(@"ok (NotThisAccount: the probe key Z:" + OutFolder() + @"\tampered.key cannot be opened by this account on this computer "
            + "(damaged, or made by another account or on another machine); run bkp-probe enroll as the scheduled task's account)", Check("store-tampered"));
    }

    [Fact]
    public void The_store_on_windows_reports_a_missing_key_file()
    {
        Assert.Equal(@"ok (Missing: probe key not found: Z:" + OutFolder() + @"\absent.key; run bkp-probe enroll)", Check("store-missing"));
    }

    [Fact]
    public void Every_check_passed()
    {
        Assert.True(wine.ExitCode == 0 && Check("result") == "passed", $"exit code {wine.ExitCode}:\n{wine.Output}");
    }

    private string Check(string name) =>
        wine.Checks.TryGetValue(name, out var result) ? result : throw new Xunit.Sdk.XunitException($"the Wine checker printed no '{name}':\n{wine.Output}");

    private string OutFolder() => wine.OutputFolder.Replace('/', '\\');
}
