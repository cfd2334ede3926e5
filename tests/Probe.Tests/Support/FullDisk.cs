using MonitoramentoBKP.Probe.Delivery;

namespace MonitoramentoBKP.Probe.Tests.Support;

/// <summary>
/// The real disk under the spool until <see cref="FreeBytes"/> have been written to the files it <see cref="Applies"/>
/// to; past that their writes fail as a full disk does (ENOSPC, or ERROR_DISK_FULL on Windows), leaving the file cut
/// short as a real one would.
/// </summary>
public sealed class FullDisk : ISpoolDisk
{
    public long FreeBytes { get; set; } = long.MaxValue;

    public Predicate<string> Applies { get; set; } = _ => true;

    public void WriteNew(string path, Action<Stream> write) =>
        SpoolDisk.Instance.WriteNew(path, file => write(Applies(path) ? new Limited(file, this) : file));

    public static IOException DiskFull() => OperatingSystem.IsWindows()
        ? new IOException("There is not enough space on the disk.", unchecked((int)0x80070070))
        : new IOException("No space left on device", 28);

    private sealed class Limited(Stream inner, FullDisk disk) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var room = (int)Math.Min(buffer.Length, disk.FreeBytes);
            inner.Write(buffer[..room]);
            disk.FreeBytes -= room;
            if (room < buffer.Length)
            {
                throw DiskFull();
            }
        }

        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
