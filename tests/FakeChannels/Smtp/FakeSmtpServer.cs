using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace MonitoramentoBKP.FakeChannels.Smtp;

/// <summary>
/// A real SMTP server for the tests: Debian's python3-aiosmtpd running <c>smtp_to_files.py</c> on a free loopback
/// port, writing each accepted message to NNNN.eml in its own folder. It can require a login, STARTTLS or implicit
/// TLS (with a self-signed certificate made here), and misbehave once on demand (a reply to RCPT or DATA, or no
/// reply at all). Started and stopped by the test; it also stops when the test process goes, as its standard
/// input closes.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly Process process;

    private FakeSmtpServer(Process process, string directory, int port, string? certificateSha256)
    {
        this.process = process;
        Directory = directory;
        Port = port;
        CertificateSha256 = certificateSha256;
    }

    public string Directory { get; }
    public int Port { get; }

    /// <summary>The SHA-256 fingerprint (hex) of the server's self-signed certificate; null without TLS.</summary>
    public string? CertificateSha256 { get; }

    /// <summary>The messages accepted so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Messages => [.. System.IO.Directory.GetFiles(Directory, "*.eml").Order(StringComparer.Ordinal).Select(eml =>
    {
        using var meta = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(eml, ".json")));
        var root = meta.RootElement;
        return new ReceivedMail(eml, root.GetProperty("mailFrom").GetString()!, [.. root.GetProperty("rcptTos").EnumerateArray().Select(r => r.GetString()!)], root.GetProperty("login").GetString(), root.GetProperty("tls").GetBoolean());
    })];

    public static async Task<FakeSmtpServer> StartAsync(string? user = null, string? password = null, SmtpTls tls = SmtpTls.None)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bkp-smtp-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var script = Path.Combine(directory, "smtp_to_files.py");
        await using (var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream("smtp_to_files.py")!)
        await using (var file = File.Create(script))
        {
            await resource.CopyToAsync(file).ConfigureAwait(false);
        }

        var port = FreePort();
        var start = new ProcessStartInfo(Python(), [script, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", Path.Combine(directory, "mail")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "mail"));
        if (user is not null)
        {
            start.ArgumentList.Add("--user");
            start.ArgumentList.Add(user);
            start.ArgumentList.Add("--password");
            start.ArgumentList.Add(password ?? "");
        }

        string? fingerprint = null;
        if (tls != SmtpTls.None)
        {
            (var cert, var key, fingerprint) = SelfSigned(directory);
            start.ArgumentList.Add("--tls");
            start.ArgumentList.Add(tls == SmtpTls.StartTls ? "starttls" : "implicit");
            start.ArgumentList.Add("--cert");
            start.ArgumentList.Add(cert);
            start.ArgumentList.Add("--key");
            start.ArgumentList.Add(key);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var ready = process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(20))).ConfigureAwait(false) != ready || await ready.ConfigureAwait(false) != "READY")
        {
            process.Kill(entireProcessTree: true);
            var error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"The test SMTP server did not start ({start.FileName} {script}): {error.Trim()}\nIt needs Debian's python3-aiosmtpd: apt-get install -y python3-aiosmtpd");
        }

        return new FakeSmtpServer(process, Path.Combine(directory, "mail"), port, fingerprint);
    }

    /// <summary>The next RCPT TO is answered with <paramref name="reply"/> ("550 5.1.1 No such user", "451 4.3.0 Try later").</summary>
    public void ReplyToNextRecipient(string reply) => File.WriteAllText(Path.Combine(Directory, "control", "rcpt-reply"), reply);

    /// <summary>The next message's DATA is answered with <paramref name="reply"/> instead of being accepted.</summary>
    public void ReplyToNextData(string reply) => File.WriteAllText(Path.Combine(Directory, "control", "data-reply"), reply);

    /// <summary>The next message's DATA is never answered: the client times out after sending it.</summary>
    public void HangOnNextData() => ReplyToNextData("hang");

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await process.WaitForExitAsync(stopped.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
        try
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(Directory)!, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the stopping server: the temp folder is cleaned by the system later.
        }
    }

    /// <summary>Debian's interpreter, which has python3-aiosmtpd; a python3 first on PATH (pyenv) may not.</summary>
    private static string Python() => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static (string Cert, string Key, string Sha256) SelfSigned(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var certPath = Path.Combine(directory, "server.crt");
        var keyPath = Path.Combine(directory, "server.key");
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath, Convert.ToHexString(SHA256.HashData(certificate.RawData)));
    }
}
