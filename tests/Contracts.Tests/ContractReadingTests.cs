using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MonitoramentoBKP.Contracts.Tests.Corpus;

namespace MonitoramentoBKP.Contracts.Tests;

public sealed class ContractReadingTests
{
    private static readonly string Twice = SampleManifest.Json()
        .Replace("\"branchId\":\"F042\"", "\"branchId\":\"F042\",\"branchId\":\"F999\"", StringComparison.Ordinal);

    [Fact]
    public void A_property_named_twice_is_refused_by_the_wire_options_and_by_the_generated_context_alike()
    {
        var wire = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(Twice, ContractsJson.Context.Manifest));
        var generated = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(Twice, ContractsJsonContext.Default.Manifest));

        Assert.Equal("$.branchId", wire.Path);
        Assert.Equal("$.branchId", generated.Path);
        Assert.False(ContractsJson.Context.Options.AllowDuplicateProperties);
    }

    [Fact]
    public async Task A_property_named_twice_is_refused_when_read_as_a_stream_straight_from_gzip()
    {
        using var gzip = new MemoryStream();
        using (var deflate = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(Twice));
        }

        gzip.Position = 0;
        using var inflate = new GZipStream(gzip, CompressionMode.Decompress);

        var error = await Assert.ThrowsAnyAsync<JsonException>(async () => await JsonSerializer.DeserializeAsync(inflate, ContractsJson.Context.Manifest));
        Assert.Equal("$.branchId", error.Path);
    }

    [Fact]
    public void Null_for_a_value_of_the_contract_is_refused_with_its_path()
    {
        var json = SampleManifest.Json().Replace("\"hostName\":\"LOJA42-SRV\"", "\"hostName\":null", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ContractsJson.Context.Manifest));

        Assert.Equal("$.hostName", error.Path);
    }

    [Fact]
    public void A_null_set_or_file_is_refused_by_the_validator_with_its_place_not_with_a_fault()
    {
        var sample = SampleManifest.Create();
        var manifest = sample with { Sets = [sample.Sets[0] with { Files = [sample.Sets[0].Files[0], null!] }, null!] };

        var errors = ManifestValidator.Validate(manifest);

        Assert.Contains(errors, e => e.StartsWith("/sets/0/files/1:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/sets/1:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_repeated_set_id_names_the_second_set_and_the_first()
    {
        var sample = SampleManifest.Create();
        var manifest = sample with { Sets = [.. sample.Sets, sample.Sets[1] with { Id = "FOTOS" }] };

        var error = Assert.Single(ManifestValidator.Validate(manifest));

        Assert.Equal("/sets/2/id: 'FOTOS' repeats the id of /sets/1 (set ids are unique whatever their letter case)", error);
    }

    [Fact]
    public void Validation_stops_at_twenty_problems()
    {
        var sample = SampleManifest.Create();
        var bad = sample.Sets[0].Files[0] with { Size = -1 };
        var manifest = sample with { Sets = [sample.Sets[0] with { Files = [.. Enumerable.Repeat(bad, 100)] }] };

        Assert.Equal(20, ManifestValidator.Validate(manifest).Count);
    }
}
