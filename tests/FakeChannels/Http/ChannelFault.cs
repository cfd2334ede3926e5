namespace MonitoramentoBKP.FakeChannels.Http;

/// <summary>
/// A failure a fake service acts out on the next requests it gets: an error status (with a Retry-After as
/// seconds, as an HTTP date, or only in the service's own body), or an answer held back until the client gives up.
/// Immutable; <see cref="Times"/> returns a new fault.
/// </summary>
public sealed record ChannelFault
{
    private ChannelFault(int status, TimeSpan? retryAfter, RetryAfterForm form, bool hang, int count, string? message)
    {
        Status = status;
        RetryAfter = retryAfter;
        Form = form;
        Hang = hang;
        Count = count;
        Message = message;
    }

    /// <summary>The status answered; 0 for a hang.</summary>
    public int Status { get; }

    public TimeSpan? RetryAfter { get; }

    public RetryAfterForm Form { get; }

    /// <summary>No answer at all: the request is held until the client goes away (or a minute passes).</summary>
    public bool Hang { get; }

    public int Count { get; }

    /// <summary>The error text the service says, or null for the service's usual one.</summary>
    public string? Message { get; }

    /// <summary>An error status with the service's usual body: 400, 401, 403, 404, 500, 503...</summary>
    public static ChannelFault Fail(int status, string? message = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        return new(status, null, RetryAfterForm.Seconds, false, 1, message);
    }

    /// <summary>429, telling the client to wait <paramref name="wait"/> in the given form.</summary>
    public static ChannelFault RateLimited(TimeSpan wait, RetryAfterForm form = RetryAfterForm.Seconds) =>
        new(429, wait, form, false, 1, null);

    public static ChannelFault Hung() => new(0, null, RetryAfterForm.Seconds, true, 1, null);

    public ChannelFault Times(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new(Status, RetryAfter, Form, Hang, count, Message);
    }

    public override string ToString() => Hang ? "hang" : RetryAfter is { } wait ? $"{Status} retry after {wait.TotalSeconds:0.#} s ({Form})" : $"{Status}";
}
