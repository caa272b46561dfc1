using System.Diagnostics;
using System.Globalization;
using Pcc.Notifications.Digests;
using Pcc.Notifications.Digests.FanOut;
using Pcc.Notifications.Email.Html;

namespace Pcc.DigestLoad;

/// <summary>The timer function's part: one run of the window over the synthetic subscribers, fanned out on the queue.</summary>
internal static class PlannerRole
{
    public static async Task<int> RunAsync(BenchArguments arguments)
    {
        using var parts = new BenchParts(arguments);
        var runner = new DigestRunner(new LoadSource(arguments.Subscribers, seed: 48, arguments.FollowingCaseStudiesPercent), parts.Ledger, new QueueBatchDispatcher(parts.Queue),
            parts.Sender, EmailHtmlRenderer.Standalone, parts.DigestOptions, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        var result = await runner.RunAsync(BenchArguments.Window);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"planner plan_s={clock.Elapsed.TotalSeconds:F1} dispatched={result.Dispatched} recipients={result.Recipients} peak_mib={Peak.MiB():F0} cpu_s={Peak.CpuSeconds():F1} alloc_mib={GC.GetTotalAllocatedBytes() / 1048576.0:F0}"));
        return 0;
    }
}
