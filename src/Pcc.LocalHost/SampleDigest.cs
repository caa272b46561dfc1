using System.Text.Json;
using Pcc.Briefings.Themes;
using Pcc.Notifications.Subscriptions;

namespace Pcc.LocalHost;

/// <summary>
/// The main job's second step: when nobody has subscribed yet, adds the sample subscriber <see cref="Address"/>
/// (every theme, daily, already confirmed), then runs <c>SendDailyDigests</c> on demand, which sends the changes
/// ingested since the last daily window — the sample briefings — to MailDev.
/// </summary>
public static class SampleDigest
{
    /// <summary>The sample subscriber: sample data for a local run only.</summary>
    public const string Address = "reader@example.org";

    /// <summary>The function run on demand.</summary>
    public const string FunctionName = "SendDailyDigests";

    /// <summary>Adds the sample subscriber if the store has none, runs the daily digests and says where to look.</summary>
    public static async Task RunAsync(LocalFunctionHost host, TextWriter output, CancellationToken cancellationToken)
    {
        var store = host.Services.GetRequiredService<SubscriberStore>();
        if (!await store.AnyAsync(cancellationToken))
        {
            var themes = host.Services.GetRequiredService<ThemeTaxonomy>().Themes.Select(t => t.Slug).ToList();
            await host.Services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(Address, themes, SubscriptionFrequency.Daily, cancellationToken);
            output.WriteLine($"Sample data: {Address} subscribed to all {themes.Count} themes, daily (confirmed directly, no email).");
        }

        if (!host.Timers.TryGetValue(FunctionName, out var timer))
        {
            return;
        }

        var reply = await timer.InvokeNowAsync(cancellationToken);
        if (!reply.Succeeded)
        {
            output.WriteLine($"{FunctionName} failed: {reply}");
            return;
        }

        output.WriteLine($"{FunctionName} ran on demand:");
        foreach (var line in Logs(reply))
        {
            output.WriteLine($"  {line}");
        }

        var mailDev = host.Emulators?.MailWebUri.ToString().TrimEnd('/') ?? "http://127.0.0.1:1080";
        output.WriteLine($"A sample digest is in MailDev: {mailDev}");
    }

    private static IEnumerable<string> Logs(HandlerReply reply)
    {
        try
        {
            using var body = JsonDocument.Parse(reply.Body);
            return body.RootElement.TryGetProperty("Logs", out var logs)
                ? [.. logs.EnumerateArray().Select(l => l.GetString() ?? "")]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
