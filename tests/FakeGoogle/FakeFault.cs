using System.Globalization;

namespace MonitoramentoBKP.FakeGoogle;

/// <summary>
/// A failure to inject: which requests it catches, what it does, how many times. Faults are immutable; each builder
/// method returns a new one. Enqueued faults are tried in order and the first that matches a request acts on it
/// and uses up one of its times.
/// </summary>
/// <example><code>server.Enqueue(FakeFault.Fail(429, TimeSpan.FromSeconds(2)).On("sheets.spreadsheets.values.append").Times(2));</code></example>
public sealed class FakeFault
{
    private readonly Func<IncomingRequest, bool>? predicate;
    private readonly string target;

    private FakeFault(FaultKind kind, int status, TimeSpan? retryAfter, string? message, TimeSpan delay, int count, Func<IncomingRequest, bool>? predicate, string target)
    {
        if (kind != FaultKind.DelayOnly && status is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A fault answers with a 4xx or 5xx status.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(delay.Ticks, nameof(delay));
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(count));
        Kind = kind;
        Status = status;
        RetryAfter = retryAfter;
        Message = message ?? FakeApiError.DefaultMessage(status);
        Delay = delay;
        Count = count;
        this.predicate = predicate;
        this.target = target;
    }

    public FaultKind Kind { get; }

    public int Status { get; }

    /// <summary>Sent as a Retry-After header, in whole seconds (rounded up).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The message of the Google error body.</summary>
    public string Message { get; }

    /// <summary>How long the answer is held back; a client that gives up meanwhile is recorded with status 499.</summary>
    public TimeSpan Delay { get; }

    /// <summary>How many requests the fault acts on before it is used up.</summary>
    public int Count { get; }

    /// <summary>Refuses without applying: 429 (with <paramref name="retryAfter"/> as Retry-After), 503, 403, 400, ...</summary>
    public static FakeFault Fail(int status, TimeSpan? retryAfter = null, string? message = null) =>
        new(FaultKind.Fail, status, retryAfter, message, TimeSpan.Zero, 1, null, "any Sheets request");

    /// <summary>Carries the request out, then answers <paramref name="status"/> (500, 503): the client cannot tell it was applied.</summary>
    public static FakeFault ApplyThenFail(int status, string? message = null) =>
        new(FaultKind.ApplyThenFail, status, null, message, TimeSpan.Zero, 1, null, "any Sheets request");

    /// <summary>Answers normally, after <paramref name="delay"/>.</summary>
    public static FakeFault Delayed(TimeSpan delay) =>
        new(FaultKind.DelayOnly, 0, null, string.Empty, delay, 1, null, "any Sheets request");

    /// <summary>429 RESOURCE_EXHAUSTED with a Retry-After header, as when the per-minute quota runs out.</summary>
    public static FakeFault RateLimited(TimeSpan retryAfter) => Fail(429, retryAfter);

    /// <summary>503 UNAVAILABLE, not applied.</summary>
    public static FakeFault Unavailable() => Fail(503);

    /// <summary>403 PERMISSION_DENIED, as when the sheet is no longer shared with the service account.</summary>
    public static FakeFault PermissionDenied() => Fail(403);

    /// <summary>500 INTERNAL after applying the request.</summary>
    public static FakeFault InternalErrorAfterApplying() => ApplyThenFail(500);

    /// <summary>Catches only this operation: a discovery method id (sheets.spreadsheets.values.append) or its tail (values.append).</summary>
    public FakeFault On(string operation) => And(
        r => r.Operation is { } id && (id == operation || id.EndsWith("." + operation, StringComparison.Ordinal)),
        $"operation {operation}");

    /// <summary>Catches only requests whose decoded path contains <paramref name="fragment"/>.</summary>
    public FakeFault OnPathContaining(string fragment) => And(
        r => r.Path.Contains(fragment, StringComparison.Ordinal),
        $"path containing \"{fragment}\"");

    /// <summary>Catches requests to the OAuth token endpoint instead of Sheets requests.</summary>
    public FakeFault OnTokenEndpoint() => And(r => r.Path == "/token", "the token endpoint");

    /// <summary>Catches requests the predicate accepts (combined with any earlier condition).</summary>
    public FakeFault When(Func<IncomingRequest, bool> condition, string description = "a condition") => And(condition, description);

    public FakeFault WithDelay(TimeSpan delay) => new(Kind, Status, RetryAfter, Message, delay, Count, predicate, target);

    /// <summary>Acts on the next <paramref name="count"/> matching requests instead of one.</summary>
    public FakeFault Times(int count) => new(Kind, Status, RetryAfter, Message, Delay, count, predicate, target);

    public override string ToString()
    {
        var what = Kind switch
        {
            FaultKind.Fail => string.Create(CultureInfo.InvariantCulture, $"fail {Status}"),
            FaultKind.ApplyThenFail => string.Create(CultureInfo.InvariantCulture, $"apply then fail {Status}"),
            _ => "delay",
        };
        return $"{what} on {target}";
    }

    /// <summary>With no condition a fault catches Sheets requests only, never the token endpoint.</summary>
    internal bool Matches(IncomingRequest request) => predicate?.Invoke(request) ?? request.Operation is not null;

    internal ApiResponse Response()
    {
        var response = ApiResponse.Error(Status, Message);
        return RetryAfter is { } wait
            ? response.WithHeader("Retry-After", ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture))
            : response;
    }

    private FakeFault And(Func<IncomingRequest, bool> condition, string description) => new(
        Kind, Status, RetryAfter, Message, Delay, Count,
        predicate is null ? condition : r => predicate(r) && condition(r),
        predicate is null ? description : $"{target} and {description}");
}
