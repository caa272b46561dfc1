using System.Diagnostics;
using System.Globalization;
using Pcc.Notifications.Email;
using Pcc.Testing;
using Pcc.Testing.SendGrid;

namespace Pcc.DigestLoad;

/// <summary>
/// Sets up storage and the SendGrid fake, starts the planner and the senders at once as processes of their own, waits
/// for them, and prints the run's line; then measures the fake alone, so its own rate is known beside the run's.
/// </summary>
internal static class Coordinator
{
    // Enough of the fake-alone requests to measure its rate, without doubling a million-subscriber run.
    private const int RawRequests = 100;

    public static async Task<int> RunAsync(BenchArguments arguments)
    {
        var azurite = await Azurite.GetAsync();
        // The fake checks every request against the contract but keeps no bodies.
        await using var sendGrid = await SendGridFake.StartAsync(keepBodies: false);
        arguments = arguments with
        {
            Storage = azurite.ConnectionString,
            Names = Guid.NewGuid().ToString("N")[..8],
            SendGrid = sendGrid.BaseUri,
            Key = sendGrid.ApiKey,
        };
        using var parts = new BenchParts(arguments);
        await parts.Ledger.CreateTablesIfNotExistsAsync();
        await parts.Queue.CreateIfNotExistsAsync();

        var clock = Stopwatch.StartNew();
        var children = new List<Task<string>> { RunChildAsync(arguments, "planner") };
        children.AddRange(Enumerable.Range(0, arguments.Senders).Select(_ => RunChildAsync(arguments, "sender")));
        var lines = await Task.WhenAll(children);
        var total = clock.Elapsed;
        // This process's own time so far is the SendGrid fake's (and the set-up's); Azurite's is neither.
        var coordinatorCpu = Peak.CpuSeconds();
        var run = await parts.Ledger.GetRunAsync(BenchArguments.Window);
        var planner = Fields(lines[0]);
        var senders = lines.Skip(1).Select(Fields).ToList();

        var requests = sendGrid.Accepted.Count;
        var content = new EmailBatch(new EmailAddress("digest@pcc.example.org"), "Subject", new string('h', 20_000), new string('t', 8_000),
            [.. Enumerable.Range(0, 1000).Select(i => new EmailRecipient(new EmailAddress($"raw{i:D4}@example.org")))]);
        var raw = Stopwatch.StartNew();
        for (var i = 0; i < RawRequests; i++)
        {
            await parts.Transport.SendAsync(content);
        }

        var rawRate = RawRequests * 1000 / raw.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"digests subscribers={arguments.Subscribers} consumers={arguments.Senders} plan_s={planner["plan_s"]} total_s={total.TotalSeconds:F1} " +
            $"sent={run!.Sent} batches={run.Batches} status={run.Status} requests={requests} planner_peak_mib={planner["peak_mib"]} " +
            $"sender_peak_mib={senders.Max(s => double.Parse(s["peak_mib"], CultureInfo.InvariantCulture)):F0} " +
            $"sender_batches={string.Join('/', senders.Select(s => s["batches"]))} planner_cpu_s={planner["cpu_s"]} " +
            $"sender_cpu_s={senders.Sum(s => double.Parse(s["cpu_s"], CultureInfo.InvariantCulture)):F1} fake_cpu_s={coordinatorCpu:F1} " +
            $"fake_raw_recipients_per_s={rawRate:F0}"));
        return run.Status == Pcc.Notifications.Digests.Ledger.DigestRunStatus.Completed && run.Sent == run.Recipients - run.Empty ? 0 : 1;
    }

    // The child's last line (its report); anything it writes to stderr goes through to ours.
    private static async Task<string> RunChildAsync(BenchArguments arguments, string role)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(Coordinator).Assembly.Location);
        foreach (var argument in arguments.ForChild(role))
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var report = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith(role + " ", StringComparison.Ordinal));
        Console.Error.WriteLine(report ?? $"{role} exited with {child.ExitCode} and no report");
        return child.ExitCode == 0 && report is not null
            ? report
            : throw new InvalidOperationException($"The {role} process exited with {child.ExitCode}: {output}");
    }

    private static Dictionary<string, string> Fields(string line) => line.Split(' ').Skip(1)
        .Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
}
