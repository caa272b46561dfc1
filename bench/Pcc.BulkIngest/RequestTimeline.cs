using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Pcc.BulkIngest;

/// <summary>
/// Records every storage request while it is switched on: when it started (from the switch), how long it took, and what it
/// was, so one ingest's round trips can be printed in order. Hand-written: the SDK's own events carry no timeline.
/// </summary>
public sealed class RequestTimeline : HttpPipelinePolicy
{
    private readonly List<(double Start, double Elapsed, string What)> _entries = [];
    private Stopwatch? _clock;

    /// <summary>Starts recording from now.</summary>
    public void Start()
    {
        lock (_entries)
        {
            _entries.Clear();
            _clock = Stopwatch.StartNew();
        }
    }

    /// <summary>Stops recording and returns the requests seen, in the order they started.</summary>
    public IReadOnlyList<(double Start, double Elapsed, string What)> Stop()
    {
        lock (_entries)
        {
            _clock = null;
            return [.. _entries.OrderBy(e => e.Start)];
        }
    }

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        var clock = _clock;
        var start = clock?.Elapsed.TotalMilliseconds ?? 0;
        if (async)
        {
            await ProcessNextAsync(message, pipeline);
        }
        else
        {
            ProcessNext(message, pipeline);
        }

        if (clock is not null)
        {
            var path = message.Request.Uri.Path;
            var what = $"{message.Request.Method} {path[..Math.Min(path.Length, 70)]} {(message.HasResponse ? message.Response.Status : 0)}";
            lock (_entries)
            {
                if (_clock == clock)
                {
                    _entries.Add((start, clock.Elapsed.TotalMilliseconds - start, what));
                }
            }
        }
    }
}
