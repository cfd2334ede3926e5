namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>
/// The bare item types of Structured Fields (RFC 8941) that <see cref="StructuredFieldParser"/> reads. RFC 9651's
/// Date and Display String are left out: nothing this profile reads uses them, so they are refused as unsupported.
/// </summary>
internal enum SfKind
{
    Integer,
    Decimal,
    String,
    Token,
    ByteSequence,
    Boolean,
}
