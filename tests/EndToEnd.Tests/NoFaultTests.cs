using System.Net;
using MonitoramentoBKP.EndToEnd.Tests.Corpus;
using MonitoramentoBKP.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace MonitoramentoBKP.EndToEnd.Tests;

/// <summary>No endpoint of the local host answers a fault to any request of the hostile corpus; every refusal is a problem that says what was wrong.</summary>
public sealed class NoFaultTests(ITestOutputHelper output)
{
    private static readonly string Registry = System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "registry", "branches.json"));

    /// <summary>Probe routes get the corpus's requests signed by an enrolled probe, so hostile bodies reach the parser.</summary>
    private static readonly HashSet<string> ProbeRoutes = [MonitoramentoBKP.Contracts.ManifestUpload.Path, MonitoramentoBKP.Contracts.ProbeApi.EnrollPath, MonitoramentoBKP.Contracts.ProbeApi.PolicyPath];

    private static HttpRequestMessage Unsigned(HostileRequest request)
    {
        var message = new HttpRequestMessage(request.Method, request.Path);
        if (request.Method != HttpMethod.Get)
        {
            message.Content = new ByteArrayContent(request.Body);

            // A large body waits for the server's go-ahead: a refusal before it is read then reaches the client
            // instead of a broken pipe while it is still sending.
            message.Headers.ExpectContinue = request.Body.Length > 1024 * 1024;
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            if (request.ContentEncoding is { } encoding)
            {
                message.Content.Headers.ContentEncoding.Add(encoding);
            }
        }

        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    [Fact]
    public async Task No_request_of_the_hostile_corpus_is_answered_with_a_fault()
    {
        await using var host = await LocalHostProcess.StartAsync(storage: null);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync("api/branches/import", new StringContent(Registry))).StatusCode);
        using var probe = await EnrolledProbe.EnrollAsync(host, "F003");
        var faults = new List<string>();
        var count = 0;

        foreach (var request in HostileCorpus.All(DateTime.UtcNow))
        {
            count++;
            using var message = ProbeRoutes.Contains(request.Path.Split('?')[0])
                ? probe.Request(request.Method, request.Path, request.Body, "application/json", request.ContentEncoding, request.Headers, expectContinue: request.Body.Length > 1024 * 1024)
                : Unsigned(request);
            using var response = ProbeRoutes.Contains(request.Path.Split('?')[0]) ? await probe.SendRawAsync(message) : await host.Client.SendAsync(message);
            var code = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            var type = response.Content.Headers.ContentType?.MediaType;
            output.WriteLine($"{code} {request.Name}: {(body.Length > 160 ? body[..160] + "…" : body)}");
            if (code >= 500 && !(code == 503 && response.Headers.RetryAfter is not null))
            {
                faults.Add($"{request.Name}: {code} {body}");
            }
            else if (code is 400 or 401 or 413 or 415 && !(request.RefusedBeforeTheApp && code == 400) && (type != "application/problem+json" || !body.Contains("\"detail\"", StringComparison.Ordinal)))
            {
                faults.Add($"{request.Name}: {code} without a problem that says what is wrong ({type}: '{body}')");
            }
        }

        Assert.True(count > 60, $"the corpus has only {count} requests");
        Assert.True(faults.Count == 0, string.Join(Environment.NewLine, faults));
        Assert.True((await host.Client.GetAsync("api/health")).IsSuccessStatusCode);
    }
}
