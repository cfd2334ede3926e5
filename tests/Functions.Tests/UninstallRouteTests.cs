using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Functions.Tests.Support;
using MonitoramentoBKP.Functions.Triggers;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.Functions.Tests;

/// <summary>A probe's goodbye (POST api/probe/uninstalled) and its update events, as the branch view, the sweep and the sheet see them.</summary>
public sealed class UninstallRouteTests
{
    private static readonly DateTime Night = Local(2026, 11, 30, 23);
    private readonly TestCollector _collector = new(new DateTimeOffset(Night.AddMinutes(2), TimeSpan.Zero));
    private readonly Branch _branch;

    public UninstallRouteTests() => _branch = new Branch(_collector);

    private ProbeUninstalled Trigger() => new(_collector.Authenticator, _collector.Uninstall, _collector.Probes, NullLogger<ProbeUninstalled>.Instance);

    private async Task<ObjectResult> UninstallAsync(string branchId, byte[]? body = null) =>
        (ObjectResult)await Trigger().Run(_collector.Signed(_collector.ProbeOf(branchId), "POST", ProbeApi.UninstalledPath, body ?? []), default);

    private async Task<IActionResult> PolicyAsync(string branchId) =>
        await new GetProbePolicy(_collector.Authenticator, _collector.Registry, _collector.Probes, NullLogger<GetProbePolicy>.Instance)
            .Run(_collector.Signed(_collector.ProbeOf(branchId), "GET", ProbeApi.PolicyPath, []), default);

    private static string? TypeOf(IActionResult result) => ((ProblemDetails)((ObjectResult)result).Value!).Type?.Split('/')[^1];

    [Fact]
    public async Task The_goodbye_is_signed_by_the_branchs_key_which_is_revoked_right_after()
    {
        await _branch.ImportSampleAsync();
        Assert.IsType<OkObjectResult>(await PolicyAsync(Branch.Id));

        var result = await UninstallAsync(Branch.Id);

        Assert.Equal(200, result.StatusCode);
        var answer = JsonSerializer.SerializeToElement(result.Value);
        Assert.Equal([_collector.ProbeOf(Branch.Id).KeyId], answer.GetProperty("revoked").EnumerateArray().Select(k => k.GetString()));
        var later = await PolicyAsync(Branch.Id);
        Assert.Equal((401, "revoked-key"), (((ObjectResult)later).StatusCode, TypeOf(later)));
        Assert.Contains(UninstallService.RevokeReason, ((ProblemDetails)((ObjectResult)later).Value!).Detail, StringComparison.Ordinal);
        var again = await UninstallAsync(Branch.Id);
        Assert.Equal((401, "revoked-key"), (again.StatusCode, TypeOf(again)));
    }

    [Fact]
    public async Task The_branch_view_and_the_sheet_say_when_the_probe_was_uninstalled()
    {
        await _branch.ImportSampleAsync();
        Assert.Equal(202, await _branch.SendAsync(Branch.Run(Night)));

        await UninstallAsync(Branch.Id);
        await _collector.Sheet.DispatchAsync(default);

        var view = (await _collector.Status.OneAsync(Branch.Id, default))!;
        Assert.Equal(Night.AddMinutes(2), view.UninstalledUtc);
        Assert.Equal("sonda desinstalada em 30/11 23:02", view.ProbeNote!.Pt);
        var status = _collector.Writer.Tabs[SheetTab.Status];
        Assert.All(status.Rows.Where(r => r[0].Text == Branch.Id), r => Assert.Equal("sonda desinstalada em 30/11 23:02", r[10].Text));
    }

    [Fact]
    public async Task An_uninstalled_branch_is_not_reported_silent_or_missed_while_a_quiet_one_is()
    {
        await _branch.ImportSampleAsync();
        Assert.Equal(202, await _branch.SendAsync(Branch.Run(Night)));
        Assert.Equal(202, await _branch.SendAsync(Branch.Run(Night) with { BranchId = "F004" }));
        await UninstallAsync(Branch.Id);

        _collector.Time.Advance(TimeSpan.FromDays(10));
        await _collector.Sweep.SweepAsync(default);

        var gone = (await _collector.Status.OneAsync(Branch.Id, default))!;
        var quiet = (await _collector.Status.OneAsync("F004", default))!;
        Assert.False(gone.Silent);
        Assert.All(gone.Sets, s => Assert.DoesNotContain(s.Status, new[] { SetStatus.Silent, SetStatus.Missed }));
        Assert.True(quiet.Silent);
        Assert.DoesNotContain(_collector.State.Changes, c => c.BranchId == Branch.Id && c.New is SetStatus.Silent or SetStatus.Missed);
    }

    [Fact]
    public async Task A_new_enrollment_ends_the_uninstall_and_counts_as_contact()
    {
        await _branch.ImportSampleAsync();
        await UninstallAsync(Branch.Id);
        _collector.Time.Advance(TimeSpan.FromDays(3));
        var created = (ObjectResult)await new CreateEnrollment(_collector.Enrollment).Run(TestCollector.Request("POST", ""), Branch.Id, default);
        var token = JsonSerializer.SerializeToElement(created.Value).GetProperty("token").GetString()!;
        using var probe = new TestProbe(Branch.Id);
        var enroll = JsonSerializer.SerializeToUtf8Bytes(new EnrollRequest { BranchId = Branch.Id, Token = token, PublicKey = probe.PublicKey }, ContractsJsonContext.Default.EnrollRequest);

        var enrolled = (ObjectResult)await new Enroll(_collector.Enrollment, _collector.Uninstall, new(), _collector.Probes, NullLogger<Enroll>.Instance)
            .Run(_collector.Signed(probe, "POST", ProbeApi.EnrollPath, enroll), default);

        Assert.Equal(201, enrolled.StatusCode);
        var view = (await _collector.Status.OneAsync(Branch.Id, default))!;
        Assert.Null(view.UninstalledUtc);
        Assert.Null(view.ProbeNote);
        Assert.Equal(_collector.Time.GetUtcNow().UtcDateTime, view.LastContactUtc);
        Assert.Contains(_collector.State.Due, d => d.BranchId == Branch.Id && d.SetId is null);
    }

    [Fact]
    public async Task A_manifest_ends_the_uninstall()
    {
        await _branch.ImportSampleAsync();
        await UninstallAsync(Branch.Id);

        // A probe that kept its key file and enrolled it again on another path still reports.
        await _collector.Identity.PutKeyAsync(_collector.ProbeOf(Branch.Id).Enrolled(Night), default);
        Assert.Equal(202, await _branch.SendAsync(Branch.Run(Night)));

        Assert.Null((await _collector.Status.OneAsync(Branch.Id, default))!.UninstalledUtc);
    }

    [Fact]
    public async Task A_goodbye_with_a_body_is_a_400_and_changes_nothing()
    {
        await _branch.ImportSampleAsync();

        var result = await UninstallAsync(Branch.Id, "{}"u8.ToArray());

        Assert.Equal((400, "invalid-uninstall"), (result.StatusCode, TypeOf(result)));
        Assert.IsType<OkObjectResult>(await PolicyAsync(Branch.Id));
        Assert.Null((await _collector.Status.OneAsync(Branch.Id, default))!.UninstalledUtc);
    }

    [Fact]
    public async Task A_rolled_back_update_reaches_the_branch_view_and_the_sheet()
    {
        await _branch.ImportSampleAsync();
        Assert.Equal(202, await _branch.SendAsync(Branch.Run(Night)));
        await _collector.Sheet.DispatchAsync(default);
        var rolledBack = new UpdateReport { Outcome = UpdateOutcome.RolledBack, Version = "1.5.0", PreviousVersion = "0.1.0", AtUtc = Night.AddMinutes(-30), Detail = "exit code 3 twice" };

        Assert.Equal(202, await _branch.SendAsync(Branch.Run(Night.AddMinutes(1)) with { RunId = Guid.NewGuid(), Update = rolledBack }));
        await _collector.Sheet.DispatchAsync(default);

        var view = (await _collector.Status.OneAsync(Branch.Id, default))!;
        Assert.Equal(rolledBack, view.Update);
        Assert.Equal("atualização falhou, versão anterior restaurada (1.5.0 → 0.1.0)", view.ProbeNote!.Pt);
        var status = _collector.Writer.Tabs[SheetTab.Status];
        Assert.All(status.Rows.Where(r => r[0].Text == Branch.Id), r => Assert.Equal("atualização falhou, versão anterior restaurada (1.5.0 → 0.1.0)", r[10].Text));
    }

    [Fact]
    public async Task The_goodbye_wants_a_signature()
    {
        await _branch.ImportSampleAsync();

        var result = await Trigger().Run(TestCollector.Request("POST", [], (ManifestUpload.BranchHeader, Branch.Id)), default);

        Assert.Equal((401, "signature-missing"), (((ObjectResult)result).StatusCode, TypeOf(result)));
    }
}
