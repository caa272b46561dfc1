using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Pcc.Testing;

namespace Pcc.LocalHost.Tests.Support;

/// <summary>
/// A <see cref="TestHost"/> whose app sends email over SMTP to the fixture's MailDev, with links pointing at its own
/// front door, and helpers for the subscriber's side of the flow.
/// </summary>
public static partial class MailHost
{
    public const string BriefingSlug = "001-88da988782738298";

    public static Task<TestHost> StartAsync(Azurite azurite, MailDev mailDev, IReadOnlyDictionary<string, string?>? settings = null) =>
        TestHost.StartAsync(azurite, options =>
        {
            var port = FreePort.Next();
            options.Port = port;
            var id = options.HostId;
            options.Settings["Email:Smtp:Host"] = mailDev.Host;
            options.Settings["Email:Smtp:Port"] = mailDev.SmtpPort.ToString();
            options.Settings["Subscriptions:PublicBaseUrl"] = $"http://127.0.0.1:{port}";
            options.Settings["Storage:SecretsContainer"] = "secrets-" + id;
            options.Settings["Storage:SummariesContainer"] = "summaries-" + id;
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                options.Settings[key] = value;
            }
        });

    /// <summary>Subscribes through the front door and follows the confirmation link from MailDev.</summary>
    public static async Task SubscribeAndConfirmAsync(TestHost test, MailDev mailDev, string address, string[] themes, string frequency = "daily")
    {
        using var response = await test.Http.PostAsJsonAsync("api/subscriptions", new { email = address, themes, frequency });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var confirmation = await mailDev.WaitForAsync(address);
        var link = ConfirmLink().Match(confirmation.Text ?? "").Value;
        Assert.StartsWith(test.Host.FrontDoorAddress.ToString(), link);
        Assert.Contains("Confirm your subscription", await test.Http.GetStringAsync(link));
        using var confirmed = await test.Http.PostAsync(link, new FormUrlEncodedContent([]));
        Assert.Contains("You are subscribed", await confirmed.Content.ReadAsStringAsync());
    }

    /// <summary>Uploads a briefing and waits until the catalogue's current version is <paramref name="version"/>.</summary>
    public static async Task IngestAsync(TestHost test, byte[] content, int version)
    {
        await test.UploadAsync(test.Briefings, Seeds.BriefingName, content);
        await TestHost.EventuallyAsync(
            async () => (await test.Http.GetAsync($"api/briefings/{BriefingSlug}")) is { IsSuccessStatusCode: true } r
                ? (await r.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("currentVersion").GetInt32()
                : 0,
            v => v == version,
            $"version {version} of the briefing");
    }

    /// <summary>Runs a timer function through the admin endpoint and waits for it to finish.</summary>
    public static async Task RunAsync(TestHost test, string function)
    {
        using var response = await test.Http.PostAsJsonAsync($"admin/functions/{function}", new { input = "" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await test.Host.Admin.WhenIdleAsync();
    }

    /// <summary>The digests MailDev holds for <paramref name="address"/> (not the subscription emails).</summary>
    public static async Task<IReadOnlyList<MailDevMessage>> DigestsToAsync(MailDev mailDev, string address) =>
        [.. (await mailDev.ListToAsync(address)).Where(m => m.Header("List-Unsubscribe-Post") is not null)];

    /// <summary>The seed briefing's text with edits applied.</summary>
    public static byte[] Edited(Func<string, string> edit) => Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(Seeds.Briefing)));

    [GeneratedRegex(@"http://\S+/api/subscriptions/confirm\?token=[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();
}
