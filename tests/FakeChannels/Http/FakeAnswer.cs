namespace MonitoramentoBKP.FakeChannels.Http;

/// <summary>What a fake service answers: a status, a body and its headers.</summary>
public sealed record FakeAnswer(int Status, string Body, string ContentType = "application/json; charset=UTF-8")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Set when the request itself was wrong: recorded with the request so a failing test says why.</summary>
    public string? Problem { get; init; }
}
