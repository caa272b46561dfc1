using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>The subscription emails as the app sends them by default: SMTP to a real MailDev.</summary>
public sealed partial class SubscriptionMailDevTests(AzuriteFixture azurite, MailDevFixture mailDev)
    : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    [Fact]
    public async Task TheConfirmationEmailArrivesOverSmtpAndItsLinkConfirms()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = mailDev.MailDev.Host,
            ["Email:Smtp:Port"] = mailDev.MailDev.SmtpPort.ToString(),
        };
        await using var app = await FunctionApp.StartAsync(azurite.Azurite, settings: settings);
        var address = MailDevFixture.UniqueAddress();

        using var response = await app.Http.PostAsJsonAsync("api/subscriptions", new { email = address, themes = new[] { Themes.Violence }, frequency = "weekly" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var message = await mailDev.MailDev.WaitForAsync(address);
        var link = ConfirmLink().Match(message.Text ?? "").Value;
        Assert.StartsWith(app.Http.BaseAddress!.ToString(), link);
        Assert.Contains("Confirm your subscription", await app.Http.GetStringAsync(link));
        using var confirmed = await app.Http.PostAsync(link, new FormUrlEncodedContent([]));
        Assert.Contains("You are subscribed", await confirmed.Content.ReadAsStringAsync());
        Assert.Single(await mailDev.MailDev.ListToAsync(address));
    }

    [GeneratedRegex(@"http://\S+/api/subscriptions/confirm\?token=[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();
}
