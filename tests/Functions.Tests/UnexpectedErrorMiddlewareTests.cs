using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MonitoramentoBKP.Functions.Tests;

/// <summary>In Azure, what the web server refuses while a function reads a body must be answered as input, not turned into a 500.</summary>
public sealed class UnexpectedErrorMiddlewareTests
{
    [Theory]
    [InlineData(413, "too-large")]
    [InlineData(408, "request-timeout")]
    [InlineData(400, "bad-request")]
    public async Task A_body_the_server_refused_is_a_problem_with_its_status(int status, string type)
    {
        var (context, http) = Context();
        var middleware = new UnexpectedErrorMiddleware(NullLogger<UnexpectedErrorMiddleware>.Instance);

        // The trigger is invoked through reflection by the worker, so the refusal can arrive wrapped.
        await middleware.Invoke(context, _ => throw new TargetInvocationException(new BadHttpRequestException("Request body too large.", status)));

        Assert.Equal(status, http.Response.StatusCode);
        Assert.StartsWith("application/problem+json", http.Response.ContentType, StringComparison.Ordinal);
        http.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.EndsWith(type, problem.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains("Request body too large.", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_exception_still_fails_the_invocation()
    {
        var (context, _) = Context();
        var middleware = new UnexpectedErrorMiddleware(NullLogger<UnexpectedErrorMiddleware>.Instance);
        await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.Invoke(context, _ => throw new InvalidOperationException("a fault")));
    }

    private static (FunctionContext Context, HttpContext Http) Context()
    {
        var services = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        var context = new StubContext(services);
        context.Items["HttpRequestContext"] = http;
        return (context, http);
    }

    private sealed class StubContext(IServiceProvider services) : FunctionContext
    {
        public override string InvocationId => "invocation-1";
        public override string FunctionId => "ReceiveManifest";
        public override TraceContext TraceContext => null!;
        public override BindingContext BindingContext => null!;
        public override RetryContext RetryContext => null!;
        public override IServiceProvider InstanceServices { get; set; } = services;
        public override FunctionDefinition FunctionDefinition { get; } = new StubDefinition();
        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
        public override IInvocationFeatures Features => null!;
    }

    private sealed class StubDefinition : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];
        public override string PathToAssembly => "";
        public override string EntryPoint => "";
        public override string Id => "ReceiveManifest";
        public override string Name => "ReceiveManifest";
        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
