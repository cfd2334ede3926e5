using System.Net;
using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle.Tests.Support;

/// <summary>A response read whole: its status, its JSON and its headers.</summary>
internal sealed record Reply(HttpStatusCode Status, JsonNode? Json, HttpResponseMessage Message)
{
    public string ErrorMessage => Json?["error"]?["message"]?.GetValue<string>() ?? throw new InvalidOperationException($"Not an error: {Json}");

    public string ErrorStatus => Json?["error"]?["status"]?.GetValue<string>() ?? throw new InvalidOperationException($"Not an error: {Json}");

    public JsonNode Body => Json ?? throw new InvalidOperationException("No body.");

    public Reply ShouldSucceed() => Status == HttpStatusCode.OK ? this : throw new InvalidOperationException($"{(int)Status}: {Json}");
}
