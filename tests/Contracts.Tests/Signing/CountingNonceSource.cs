using System.Security.Cryptography;

namespace MonitoramentoBKP.Contracts.Tests.Signing;

/// <summary>
/// A nonce source for tests: each request for bytes gets the next value of a counter, so nonces are predictable
/// (and still differ from one signature to the next).
/// </summary>
internal sealed class CountingNonceSource(byte start = 0) : RandomNumberGenerator
{
    private byte next = start;

    public override void GetBytes(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Array.Fill(data, next++);
    }
}
