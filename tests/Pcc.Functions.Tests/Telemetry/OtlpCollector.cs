using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Pcc.Functions.Tests.Telemetry.Otlp;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP receiver on a free port (the app's exporter posts protobuf to <c>/v1/traces</c>, <c>/v1/logs</c> and
/// <c>/v1/metrics</c>): keeps every export's bytes, and reads the spans of trace exports.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _exports = new();
    private readonly ConcurrentQueue<Span> _spans = new();

    private OtlpCollector(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base address to give <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Every span received so far.</summary>
    public IReadOnlyList<Span> Spans => [.. _spans];

    /// <summary>The signals (traces, logs, metrics) received so far.</summary>
    public IReadOnlySet<string> Signals => _exports.Select(e => e.Signal).ToHashSet();

    /// <summary>Starts the receiver.</summary>
    public static async Task<OtlpCollector> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var collector = new OtlpCollector(app, new Uri($"http://127.0.0.1:{port}"));
        app.MapPost("/v1/{signal}", async (string signal, Microsoft.AspNetCore.Http.HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            collector._exports.Enqueue((signal, body));
            if (signal == "traces")
            {
                foreach (var span in ExportTraceServiceRequest.Parser.ParseFrom(body).ResourceSpans.SelectMany(r => r.ScopeSpans).SelectMany(s => s.Spans))
                {
                    collector._spans.Enqueue(span);
                }
            }

            return Microsoft.AspNetCore.Http.Results.Ok();
        });
        await app.StartAsync();
        return collector;
    }

    /// <summary>Whether any export of any signal holds <paramref name="text"/> (UTF-8), in an attribute, a log or anywhere else.</summary>
    public bool AnyExportHolds(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return _exports.Any(e => e.Body.AsSpan().IndexOf(needle) >= 0);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
