using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pcc.Briefings.Themes;

namespace Pcc.LocalHost;

/// <summary>
/// The main job's second step, done as a reader would: subscribes the sample address <see cref="Address"/> to every
/// theme, daily, through the API; confirms it through the link in the email MailDev received; then runs
/// <c>SendDailyDigests</c> on demand, which sends the changes ingested since the last daily window — the sample
/// briefings — to MailDev. Without a MailDev this host started or found, there is no confirmation to follow.
/// </summary>
public static partial class SampleDigest
{
    /// <summary>The sample subscriber: sample data for a local run only.</summary>
    public const string Address = "reader@example.org";

    /// <summary>The function run on demand.</summary>
    public const string FunctionName = "SendDailyDigests";

    private static readonly TimeSpan s_mailWait = TimeSpan.FromSeconds(15);

    /// <summary>Subscribes and confirms the sample reader, runs the daily digests and says where to look.</summary>
    public static async Task RunAsync(LocalFunctionHost host, TextWriter output, CancellationToken cancellationToken)
    {
        if (host.Emulators?.MailWebUri is not { } mailDev || !host.Timers.TryGetValue(FunctionName, out var timer))
        {
            return;
        }

        using var http = new HttpClient { BaseAddress = host.FrontDoorAddress };
        var themes = ThemeTaxonomy.Default.Themes.Select(t => t.Slug).ToList();
        var since = DateTimeOffset.UtcNow;
        using (var subscribed = await http.PostAsJsonAsync("api/subscriptions", new { email = Address, themes, frequency = "daily" }, cancellationToken))
        {
            if (!subscribed.IsSuccessStatusCode)
            {
                output.WriteLine($"The sample subscription was refused: {(int)subscribed.StatusCode} {await subscribed.Content.ReadAsStringAsync(cancellationToken)}");
                return;
            }
        }

        if (await ConfirmationLinkAsync(mailDev, since, cancellationToken) is { } link)
        {
            // The link's GET only shows a Confirm button (mail scanners fetch links); the button POSTs back to it.
            using var confirmed = await http.PostAsync(link, content: null, cancellationToken);
            output.WriteLine($"Sample data: {Address} subscribed to all {themes.Count} themes, daily, and confirmed through the emailed link ({(int)confirmed.StatusCode}).");
        }
        else
        {
            output.WriteLine($"Sample data: no new confirmation email for {Address} (already subscribed, or the hourly limit was reached).");
        }

        var result = await timer.InvokeNowAsync(cancellationToken);
        output.WriteLine(result.Succeeded
            ? $"{FunctionName} ran on demand. A sample digest is in MailDev: {mailDev.ToString().TrimEnd('/')}"
            : $"{FunctionName} failed: {result.Error}");
    }

    private static async Task<string?> ConfirmationLinkAsync(Uri mailDev, DateTimeOffset since, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = mailDev };
        var deadline = DateTime.UtcNow + s_mailWait;
        while (DateTime.UtcNow < deadline)
        {
            var emails = await http.GetFromJsonAsync<JsonElement>("email", cancellationToken);
            foreach (var email in emails.EnumerateArray().Reverse())
            {
                var to = email.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("address").GetString() == Address);
                var date = email.TryGetProperty("date", out var d) && d.TryGetDateTimeOffset(out var sent) ? sent : DateTimeOffset.MinValue;
                var text = email.TryGetProperty("text", out var body) ? body.GetString() ?? "" : "";
                if (to && date >= since.AddSeconds(-5) && ConfirmLink().Match(text) is { Success: true } match)
                {
                    return new Uri(match.Value).PathAndQuery;
                }
            }

            await Task.Delay(250, cancellationToken);
        }

        return null;
    }

    [GeneratedRegex(@"https?://\S+/api/subscriptions/confirm\?token=[^\s""<>]+")]
    private static partial Regex ConfirmLink();
}
