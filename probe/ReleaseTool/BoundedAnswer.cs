namespace MonitoramentoBKP.ReleaseTool;

/// <summary>Reads an HTTP answer's body up to a cap, so a misbehaving service cannot make the tool read without end.</summary>
public static class BoundedAnswer
{
    public const int MaxLength = 64 * 1024;

    /// <summary>The body, or a <see cref="ReleaseExitCodes.Failed"/> refusal naming <paramref name="what"/> when it is longer than <see cref="MaxLength"/>.</summary>
    public static async Task<byte[]> ReadAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        if (length > MaxLength)
        {
            throw ReleaseToolException.Failed($"{what} answered more than {MaxLength:N0} bytes; that is not an answer of this API.");
        }

        return buffer[..length];
    }
}
