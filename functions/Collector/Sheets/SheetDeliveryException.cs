namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>
/// A sheet write did not succeed. <see cref="Permanent"/>: the request itself was refused (a 4xx other than 429:
/// permissions, a deleted tab, a malformed request) and repeating it unchanged will not help; otherwise the
/// outcome is unknown or the service was unavailable, and the write is tried again later.
/// </summary>
public sealed class SheetDeliveryException(string message, bool permanent, int? statusCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;

    public int? StatusCode { get; } = statusCode;
}
