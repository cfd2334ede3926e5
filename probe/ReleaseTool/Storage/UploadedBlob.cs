namespace MonitoramentoBKP.ReleaseTool.Storage;

/// <summary>One blob of an upload: its name in the <c>releases</c> container, and whether this upload wrote it or found it already there with the same content.</summary>
public sealed record UploadedBlob(string Name, long Length, bool AlreadyThere);
