using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Pcc.Testing.App;

/// <summary>What a reader does with the app: subscribe through the front door, confirm from MailDev, read digests.</summary>
public static partial class Readers
{
    /// <summary>Subscribes through the front door, opens the confirmation link from MailDev and presses Confirm.</summary>
    public static async Task SubscribeAndConfirmAsync(this AppFixture app, string address, string[] themes, string frequency = "daily", bool includeMinorCorrections = false)
    {
        using var response = await app.Http.PostAsJsonAsync("api/subscriptions", new { email = address, themes, frequency, includeMinorCorrections });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var link = ConfirmLinkIn(await app.MailDev.WaitForAsync(address));
        Assert.StartsWith(app.Host.FrontDoorAddress.ToString(), link);
        Assert.Contains("Confirm your subscription", await app.Http.GetStringAsync(link));
        using var confirmed = await app.Http.PostAsync(link, new FormUrlEncodedContent([]));
        Assert.Contains("You are subscribed", await confirmed.Content.ReadAsStringAsync());
    }

    /// <summary>The confirmation link in a confirmation email.</summary>
    public static string ConfirmLinkIn(MailDevMessage message) =>
        ConfirmLink().Match(message.Text ?? "") is { Success: true } m ? m.Value : throw new Xunit.Sdk.XunitException($"No confirmation link in:\n{message.Text}");

    /// <summary>The digests MailDev holds for <paramref name="address"/> (not the subscription emails).</summary>
    public static async Task<IReadOnlyList<MailDevMessage>> DigestsToAsync(this AppFixture app, string address) =>
        [.. (await app.MailDev.ListToAsync(address)).Where(m => m.Header("List-Unsubscribe-Post") is not null)];

    /// <summary>The digests to <paramref name="address"/> once any still being stored have landed: for counting them exactly.</summary>
    public static async Task<IReadOnlyList<MailDevMessage>> SettledDigestsToAsync(this AppFixture app, string address)
    {
        await Task.Delay(MailDev.Settle);
        return await app.DigestsToAsync(address);
    }

    /// <summary>Waits until MailDev holds at least <paramref name="count"/> digests for <paramref name="address"/>.</summary>
    public static Task<IReadOnlyList<MailDevMessage>> WaitForDigestsAsync(this AppFixture app, string address, int count) =>
        Eventually.Async(() => app.DigestsToAsync(address), d => d.Count >= count, $"{count} digest(s) to {address}", TimeSpan.FromSeconds(30));

    [GeneratedRegex(@"http://\S+/api/subscriptions/confirm\?token=[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();
}
