using System.Security.Cryptography;
using System.Text;

namespace MonitoramentoBKP.Collector.Releases;

/// <summary>
/// Which branches a percentage of a release reaches: each branch has a place in [0, 1) per release, the first 8
/// bytes of SHA-256("{version}\n{branch id in lower case}") read as a fraction, and is in the rollout when its place
/// is under percent / 100. Deterministic (every instance, every request, the same answer), independent between
/// releases (a branch that is early for one is not early for all), and monotonic: raising the percentage keeps every
/// branch that had it.
/// </summary>
public static class RolloutOrder
{
    /// <summary>The branch's place as a 64-bit fraction numerator (place = value / 2^64).</summary>
    public static ulong Place(string branchId, string version)
    {
        ArgumentNullException.ThrowIfNull(branchId);
        ArgumentNullException.ThrowIfNull(version);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{version}\n{branchId.ToLowerInvariant()}"), hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    /// <summary>Whether place / 2^64 &lt; percent / 100, in exact integer arithmetic.</summary>
    public static bool Includes(string branchId, string version, int percent) =>
        percent switch
        {
            <= 0 => false,
            >= 100 => true,
            _ => (UInt128)Place(branchId, version) * 100 < (UInt128)(uint)percent << 64,
        };
}
