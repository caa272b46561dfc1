using System.Diagnostics;
using Pcc.LocalHost.Tests.Support;
using Pcc.Testing;
using Xunit.Abstractions;

namespace Pcc.LocalHost.Tests;

/// <summary>
/// Upload-to-queryable latency with the product's default scan interval. Five uploads by default; set
/// PCC_LATENCY_SAMPLES to take more.
/// </summary>
public sealed class LatencyTests(AzuriteFixture fixture, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AnUploadIsQueryableWithinAFewSecondsAtTheDefaultScanInterval()
    {
        var samples = int.TryParse(Environment.GetEnvironmentVariable("PCC_LATENCY_SAMPLES"), out var n) && n > 0 ? n : 5;
        await using var test = await TestHost.StartAsync(fixture.Azurite, o => o.ScanInterval = new LocalHostOptions().ScanInterval);
        var latencies = new List<TimeSpan>();

        for (var version = 1; version <= samples; version++)
        {
            await test.UploadAsync(test.Briefings, Seeds.BriefingName, Seeds.Briefing);
            var clock = Stopwatch.StartNew();
            await TestHost.EventuallyAsync(() => test.GetJsonAsync("api/briefings"),
                b => b.GetArrayLength() == 1 && b[0].GetProperty("currentVersion").GetInt32() == version, $"version {version}");
            latencies.Add(clock.Elapsed);
        }

        latencies.Sort();
        var p50 = latencies[latencies.Count / 2];
        output.WriteLine($"upload → queryable over {samples} uploads: p50 {p50.TotalMilliseconds:0} ms, min {latencies[0].TotalMilliseconds:0} ms, max {latencies[^1].TotalMilliseconds:0} ms");
        Assert.True(p50 < TimeSpan.FromSeconds(5), $"p50 was {p50}");
    }
}
