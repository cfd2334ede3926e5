using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Collector.Reading;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Sweep;
using MonitoramentoBKP.Collector.Tests.Support;

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
        Status = new StatusService(Registry, State, Time);
        Sweep = new SweepService(Registry, State, State, State, State, Time);
        Sheet = new SheetDispatcher(Writer, Ledger, State, Registry, State, new SheetOptions { DeliveryRetryDelay = TimeSpan.Zero }, Time);
    }

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
