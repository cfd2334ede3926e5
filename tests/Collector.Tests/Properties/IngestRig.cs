using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Tests.Support;

namespace MonitoramentoBKP.Collector.Tests.Properties;

/// <summary>
/// A collector over the in-memory store, as the Functions app builds it: branch F001 (sets sql and fotos, dumps at
/// 22:00 São Paulo) and retired F099. Its clock starts three days before <see cref="ManifestGen.Now"/> and is moved
/// forward to each upload's arrival. <see cref="OtherInstance"/> is a second Functions instance on the same storage.
/// </summary>
public sealed class IngestRig
{
    private readonly IngestLimits _limits;
    private readonly LargeManifestGate _gate;
    private readonly BranchQueue _queue = new();

    public IngestRig(IngestLimits? limits = null)
    {
        _limits = limits ?? new IngestLimits();
        _gate = new LargeManifestGate(_limits);
        Store.Policies["F001"] = Branch("F001");
        Store.Policies["F099"] = Branch("F099") with { Retired = true };
    }

    public InMemoryStore Store { get; } = new();
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(ManifestGen.Now.AddDays(-3), TimeSpan.Zero));
    public DateTime NowUtc => Time.GetUtcNow().UtcDateTime;
    public BranchPolicy Policy => Store.Policies["F001"];

    public static BranchPolicy Branch(string id) => new()
    {
        Id = id,
        Name = "Loja " + id,
        Template = "loja",
        Sets = [Contexts.Policy() with { MinSizeBytes = 1_000 }, Contexts.Policy() with { Id = "fotos", Root = @"D:\fotos" }],
    };

    public IngestService Instance() => new(Store, Store, Store, Store, Store, Store, Store, new BranchJudgement(Judge.Default), Time, _limits, _gate, _queue);

    public IngestService OtherInstance() => new(Store, Store, Store, Store, Store, Store, Store, new BranchJudgement(Judge.Default), Time, _limits, new LargeManifestGate(_limits), new BranchQueue());

    public Task<IngestOutcome> SendAsync(Upload upload) => SendAsync(upload, Instance());

    public async Task<IngestOutcome> SendAsync(Upload upload, IngestService instance)
    {
        if (upload.At > NowUtc)
        {
            Time.SetUtcNow(new DateTimeOffset(upload.At, TimeSpan.Zero));
        }

        return await instance.IngestAsync(upload.Request(), CancellationToken.None).ConfigureAwait(false);
    }

    public Task<BranchSnapshot> ReadAsync() => Store.ReadAsync("F001", CancellationToken.None);
}
