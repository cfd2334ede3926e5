using System.Diagnostics;
using System.Net;
using MonitoramentoBKP.FakeGoogle.Tests.Support;

namespace MonitoramentoBKP.FakeGoogle.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Apply_then_fail_changes_the_sheet_and_answers_500()
    {
        await using var session = await Session.StartAsync();
        session.Server.Enqueue(FakeFault.ApplyThenFail(500).On("sheets.spreadsheets.values.append"));

        var reply = await session.PostAsync(session.ValuesPath("Sheet1!A1", ":append?valueInputOption=RAW"), new { values = new[] { new[] { "x" } } });

        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        Assert.Equal("INTERNAL", reply.ErrorStatus);
        Assert.Equal("x", session.Spreadsheet.Sheet("Sheet1").ValueAt("A1"));
        Assert.Equal("apply then fail 500 on operation sheets.spreadsheets.values.append", session.Server.Requests[^1].Fault);
    }

    [Fact]
    public async Task Fail_429_sends_retry_after_and_applies_nothing()
    {
        await using var session = await Session.StartAsync();
        session.Server.Enqueue(FakeFault.Fail(429, TimeSpan.FromSeconds(2)).On("values.update"));

        var refused = await session.WriteAsync("Sheet1!A1", ["x"]);
        var retried = await session.WriteAsync("Sheet1!A1", ["x"]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("RESOURCE_EXHAUSTED", refused.ErrorStatus);
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Message.Headers.RetryAfter!.Delta);
        retried.ShouldSucceed();
        Assert.Equal(0, session.Server.PendingFaults);
    }

    [Fact]
    public async Task A_fault_acts_only_on_the_requests_it_matches_and_as_many_times_as_asked()
    {
        await using var session = await Session.StartAsync();
        session.Server.Enqueue(FakeFault.Unavailable().OnPathContaining("Histórico").Times(2));
        await session.BatchUpdateAsync(new { addSheet = new { properties = new { title = "Histórico" } } });

        var other = await session.GetAsync(session.ValuesPath("Sheet1!A1"));
        var first = await session.GetAsync(session.ValuesPath("'Histórico'!A1"));
        var second = await session.GetAsync(session.ValuesPath("'Histórico'!A1"));
        var third = await session.GetAsync(session.ValuesPath("'Histórico'!A1"));

        other.ShouldSucceed();
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], [first.Status, second.Status, third.Status]);
    }

    [Fact]
    public async Task Permission_denied_refuses_with_403()
    {
        await using var session = await Session.StartAsync();
        session.Server.Enqueue(FakeFault.PermissionDenied());

        var reply = await session.GetAsync(session.SpreadsheetPath());

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("PERMISSION_DENIED", reply.ErrorStatus);
    }

    [Fact]
    public async Task Apply_then_fail_answers_a_refused_request_with_its_real_refusal()
    {
        await using var session = await Session.StartAsync();
        session.Server.Enqueue(FakeFault.ApplyThenFail(503));

        var reply = await session.PostAsync(session.ValuesPath("Sheet1!A1", ":append"), new { values = new[] { new[] { "x" } } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task Faults_leave_the_token_endpoint_alone_unless_aimed_at_it()
    {
        await using var server = await FakeGoogleServer.StartAsync();
        using var http = new HttpClient();
        server.Enqueue(FakeFault.Unavailable());
        server.Enqueue(FakeFault.Fail(500).OnTokenEndpoint());

        using var failed = await Jwt.ExchangeAsync(http, server, Jwt.Sign(server, Jwt.Claims(server)));
        using var granted = await Jwt.ExchangeAsync(http, server, Jwt.Sign(server, Jwt.Claims(server)));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(1, server.PendingFaults);
    }

    [Fact]
    public async Task A_delay_holds_the_answer_back_and_a_client_that_gives_up_is_recorded_as_499()
    {
        await using var session = await Session.StartAsync();
        session.Server.Enqueue(FakeFault.Delayed(TimeSpan.FromMilliseconds(300)));
        session.Server.Enqueue(FakeFault.Delayed(TimeSpan.FromSeconds(30)));

        var clock = Stopwatch.StartNew();
        var slow = await session.GetAsync(session.SpreadsheetPath());
        var elapsed = clock.Elapsed;
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.Http.GetAsync(session.SpreadsheetPath(), impatient.Token));

        slow.ShouldSucceed();
        // Held back: the server's timer may fire a few milliseconds before the client's stopwatch says 300 ms.
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(250), $"answered after {elapsed}");
        await WaitUntilAsync(() => session.Server.Requests.Any(r => r.Status == 499));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(condition());
    }
}
