using System.Security.Cryptography;
using System.Text;

namespace MonitoramentoBKP.Probe.Identity;

/// <summary>
/// Linux and macOS: the key file is a PKCS#8 PEM ("PRIVATE KEY"), readable by openssl; it is kept private by its
/// mode 0600, which <see cref="ProbeKeyStore"/> sets and checks.
/// </summary>
internal sealed class PemKeyProtector : IKeyProtector
{
    private const string Label = "PRIVATE KEY";

    public ProbeKeyProblem RefusedAs => ProbeKeyProblem.Corrupt;

    public byte[] Protect(byte[] pkcs8)
    {
        var text = PemEncoding.Write(Label, pkcs8);
        try
        {
            var bytes = new byte[text.Length + 1];
            Encoding.ASCII.GetBytes(text, bytes);
            bytes[^1] = (byte)'\n';
            return bytes;
        }
        finally
        {
            Array.Clear(text);
        }
    }

    /// <summary>Exactly one PEM block labelled PRIVATE KEY, with nothing but white space around it.</summary>
    public byte[] Unprotect(byte[] stored)
    {
        var text = new char[stored.Length];
        try
        {
            // ASCII decoding turns any other byte into '?', which no PEM accepts.
            Encoding.ASCII.GetChars(stored, text);
            if (!PemEncoding.TryFind(text, out var fields)
                || !text.AsSpan(fields.Label).SequenceEqual(Label)
                || !text.AsSpan(..fields.Location.Start).IsWhiteSpace()
                || !text.AsSpan(fields.Location.End..).IsWhiteSpace())
            {
                throw new CryptographicException("The key file is not one PEM block labelled " + Label + ".");
            }

            var der = new byte[fields.DecodedDataLength];
            if (!Convert.TryFromBase64Chars(text.AsSpan(fields.Base64Data), der, out var written) || written != der.Length)
            {
                throw new CryptographicException("The key file's PEM block is not valid base64.");
            }

            return der;
        }
        finally
        {
            Array.Clear(text);
        }
    }
}
