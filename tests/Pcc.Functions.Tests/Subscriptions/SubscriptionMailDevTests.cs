using System.Net;
using System.Net.Http.Json;
using Pcc.Testing;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>The subscription emails as the app sends them by default: SMTP to a real MailDev.</summary>
[Collection(SubscriptionsCollection.Name)]
public sealed class SubscriptionMailDevTests(SubscriptionsFixture app)
{
    [Fact]
    public async Task TheConfirmationEmailArrivesOverSmtpAndItsLinkConfirms()
    {
        using var reader = new ReaderClient(app);
        var address = MailDevFixture.UniqueAddress();

        using var response = await reader.Http.PostAsJsonAsync("api/subscriptions", new { email = address, themes = new[] { Themes.Violence }, frequency = "weekly" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var message = await app.MailDev.WaitForAsync(address);
        var link = Readers.ConfirmLinkIn(message);
        Assert.StartsWith(app.Host.FrontDoorAddress.ToString(), link);
        Assert.Contains("Confirm your subscription", await reader.Http.GetStringAsync(link));
        using var confirmed = await reader.Http.PostAsync(link, new FormUrlEncodedContent([]));
        Assert.Contains("You are subscribed", await confirmed.Content.ReadAsStringAsync());
        Assert.Single(await app.MailDev.ListToAsync(address));
    }
}
