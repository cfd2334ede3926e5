using System.Text.Json;

namespace MonitoramentoBKP.Contracts.Tests;

public sealed class UtcDateTimeConverterTests
{
    [Theory]
    [InlineData("2026-11-30T14:05:00Z", "2026-11-30T14:05:00.0000000Z")]
    [InlineData("2026-11-30T14:05:00.5Z", "2026-11-30T14:05:00.5000000Z")]
    [InlineData("2026-11-30T14:05:00.1234567Z", "2026-11-30T14:05:00.1234567Z")]
    [InlineData("2028-02-29T23:59:59.9999999Z", "2028-02-29T23:59:59.9999999Z")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000Z")]
    [InlineData("9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.9999999Z")]
    public void A_UTC_timestamp_with_up_to_seven_decimals_reads_to_the_tick(string text, string expected)
    {
        Assert.True(UtcDateTimeConverter.TryParse(text, out var value));
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(expected, value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-13-45T00:00:00Z")]
    [InlineData("2026-00-10T00:00:00Z")]
    [InlineData("2026-04-31T00:00:00Z")]
    [InlineData("2100-02-29T00:00:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2026-11-30T23:60:00Z")]
    [InlineData("2026-11-30T23:59:60Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("2026-11-30T14:05:00")]
    [InlineData("2026-11-30T14:05:00.Z")]
    [InlineData("2026-11-30T14:05:00.12345678Z")]
    [InlineData("2026-11-30t14:05:00Z")]
    [InlineData("2026-11-30T14:05Z")]
    [InlineData("+2026-11-30T14:05:00Z")]
    [InlineData("2026-11-30T14:05:00Z\n")]
    [InlineData("")]
    public void What_is_not_a_real_UTC_moment_in_the_manifest_form_is_refused_without_throwing(string text)
    {
        Assert.False(UtcDateTimeConverter.TryParse(text, out _));
    }

    [Fact]
    public void A_timestamp_of_a_megabyte_is_refused_with_its_path_and_a_short_message()
    {
        var json = Manifest("\"2026-11-30T14:05:00." + new string('9', 1 << 20) + "Z\"");

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ContractsJson.Context.Manifest));

        Assert.Equal("$.startedUtc", error.Path);
        Assert.True(error.Message.Length < 400, error.Message);
    }

    [Fact]
    public void A_refused_timestamp_is_echoed_without_its_control_characters()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(Manifest("\"2026-11-30\\u001b[2J\""), ContractsJson.Context.Manifest));

        Assert.Contains("'2026-11-30?[2J'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timestamp_read_from_a_stream_in_small_buffers_is_checked_the_same()
    {
        var options = new JsonSerializerOptions(ContractsJson.Context.Options) { DefaultBufferSize = 16 };
        var info = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Manifest>)options.GetTypeInfo(typeof(Manifest));
        using var good = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Manifest("\"2026-11-30T14:05:00.1234567Z\"")));
        using var bad = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Manifest("\"2026-02-30T14:05:00Z\"")));

        var read = (await JsonSerializer.DeserializeAsync(good, info))!;
        var error = await Assert.ThrowsAnyAsync<JsonException>(async () => await JsonSerializer.DeserializeAsync(bad, info));

        Assert.Equal(new DateTime(2026, 11, 30, 14, 5, 0, DateTimeKind.Utc).AddTicks(1234567), read.StartedUtc);
        Assert.Equal("$.startedUtc", error.Path);
    }

    private static string Manifest(string started) =>
        Corpus.SampleManifest.Json().Replace("\"2026-11-30T22:30:00.0000000Z\"", started, StringComparison.Ordinal);
}
