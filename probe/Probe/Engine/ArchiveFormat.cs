namespace MonitoramentoBKP.Probe.Engine;

public enum ArchiveFormat
{
    Zip,
    SevenZip,
    Tar,
    Gzip,
    TarGz,
}
