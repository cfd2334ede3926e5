using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.ReleaseTool.Releases;

/// <summary>A release folder just written: the document as signed, who signed it, and where the envelope is.</summary>
public sealed record CutRelease(ReleaseDocument Document, IReadOnlyList<EnvelopeSignature> Signatures, string EnvelopePath);
