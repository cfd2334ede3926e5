using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Collector.Reading;
using MonitoramentoBKP.Collector.Releases;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Sweep;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Functions.Triggers;

namespace MonitoramentoBKP.Functions.Tests.Support;

/// <summary>The collector's services over in-memory storage and a fake clock, as the function classes receive them.</summary>
public sealed class TestCollector
{
    public TestCollector(DateTimeOffset now)
    {
        Time = new FakeTimeProvider(now);
        Registry = new RegistryService(RegistryStore);
        var limits = new IngestLimits();
        Ingest = new IngestService(Registry, State, State, State, State, State, State, new BranchJudgement(Judge.Default), Time, limits, new LargeManifestGate(limits), new BranchQueue());
        Acknowledge = new AcknowledgeService(Registry, State, State, State, State, Time);
        Status = new StatusService(Registry, State, Releases, Time);
        Sweep = new SweepService(Registry, State, State, State, State, Time);
        Authenticator = new ProbeAuthenticator(Identity, new IdentityLimits(), Time);
        Enrollment = new EnrollmentService(Identity, Registry, Authenticator, new IdentityLimits(), Time);
        Uninstall = new UninstallService(State, Registry, State, State, State, Enrollment, Time);
        ReleaseService = new ReleaseService(Releases, Releases, Registry, State, Time);
        Sheet = new SheetDispatcher(Writer, Ledger, State, Registry, State, new SheetOptions { DeliveryRetryDelay = TimeSpan.Zero }, Time);
        Alerts = new Collector.Channels.Dispatch.AlertDispatcher(AlertLedger, State.ChannelOutbox, Registry, State, Releases, AlertChannels, Collector.Notify.NoSilences.Instance, new Collector.Channels.Dispatch.AlertDispatchOptions(), Time, NullLogger<Collector.Channels.Dispatch.AlertDispatcher>.Instance);
    }

    public InMemoryNotifyLedger AlertLedger { get; } = new();
    public TestRouteChannels AlertChannels { get; } = new();
    public Collector.Channels.Dispatch.AlertDispatcher Alerts { get; }

    public RecordingSheetWriter Writer { get; } = new();
    public InMemorySheetLedger Ledger { get; } = new();
    public SheetDispatcher Sheet { get; }

    public FakeTimeProvider Time { get; }
    public InMemoryStore State { get; } = new();
    public InMemoryRegistryStore RegistryStore { get; } = new();
    public RegistryService Registry { get; }
    public IngestService Ingest { get; }
    public AcknowledgeService Acknowledge { get; }
    public StatusService Status { get; }
    public SweepService Sweep { get; }
    public InMemoryIdentityStore Identity { get; } = new();
    public ProbeAuthenticator Authenticator { get; }
    public EnrollmentService Enrollment { get; }
    public UninstallService Uninstall { get; }
    public InMemoryReleases Releases { get; } = new();
    public ReleaseService ReleaseService { get; }
    public ProbeRequests Probes { get; } = new(new ConfigurationBuilder().Build());

    /// <summary>Each branch's probe, its key enrolled the first time it is used (whether or not the registry knows the branch).</summary>
    private readonly Dictionary<string, TestProbe> _probes = new(StringComparer.OrdinalIgnoreCase);

    public TestProbe ProbeOf(string branchId)
    {
        lock (_probes)
        {
            if (!_probes.TryGetValue(branchId, out var probe))
            {
                probe = _probes[branchId] = new TestProbe(branchId);
                Identity.PutKeyAsync(probe.Enrolled(Time.GetUtcNow().UtcDateTime), default).GetAwaiter().GetResult();
            }

            return probe;
        }
    }

    public ReceiveManifest Receive() => new(Ingest, Authenticator, Probes, NullLogger<ReceiveManifest>.Instance);

    /// <summary>POST /api/manifests as <paramref name="branchId"/>'s probe sends it: gzip, signed anew on every call (a fresh nonce).</summary>
    public HttpRequest ManifestRequest(string branchId, byte[] gzip, params (string Name, string Value)[] headers) =>
        Signed(ProbeOf(branchId), "POST", ManifestUpload.Path, gzip, [("Content-Encoding", "gzip"), .. headers]);

    /// <summary>A request to <paramref name="path"/> signed by <paramref name="probe"/> at the collector's (fake) time.</summary>
    public HttpRequest Signed(TestProbe probe, string method, string path, byte[] body, params (string Name, string Value)[] headers)
    {
        var signed = probe.Sign(method, path, body, Time.GetUtcNow());
        var request = Request(method, body, [.. headers,
            (Contracts.Signing.MessageSignature.SignatureInputHeaderName, signed.SignatureInput!),
            (Contracts.Signing.MessageSignature.SignatureHeaderName, signed.Signature!),
            (Contracts.Signing.ContentDigest.HeaderName, signed.ContentDigest!),
            (ManifestUpload.BranchHeader, signed.Branch!)]);
        var uri = new Uri(signed.TargetUri);
        request.Scheme = uri.Scheme;
        request.Host = new HostString(uri.Authority);
        request.Path = uri.AbsolutePath;
        request.QueryString = new QueryString(uri.Query);
        return request;
    }

    public static string SampleRegistry => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "registry", "branches.json"));

    public static HttpRequest Request(string method, byte[] body, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }

    public static HttpRequest Request(string method, string body) => Request(method, Encoding.UTF8.GetBytes(body));
}
