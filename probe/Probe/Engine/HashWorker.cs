using System.Security.Cryptography;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>One hashing thread's reusable state: the only buffer it reads into, whatever the file's size.</summary>
public sealed class HashWorker : IDisposable
{
    public const int BufferSize = 1024 * 1024;

    public byte[] Buffer { get; } = GC.AllocateUninitializedArray<byte>(BufferSize, pinned: true);

    public IncrementalHash Sha256 { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Dispose() => Sha256.Dispose();
}
