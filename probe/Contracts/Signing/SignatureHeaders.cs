namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>
/// The two header values <see cref="MessageSignature.Sign"/> produces for one request: Signature-Input
/// ("bkp=(...);created=...") and Signature ("bkp=:base64:").
/// </summary>
public sealed record SignatureHeaders(string SignatureInput, string Signature);
