using System.Net;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Subscriptions;

public sealed class SubscribeCapTests(SubscribeCapFixture app) : IClassFixture<SubscribeCapFixture>
{
    [Fact]
    public async Task SubscribingHasACapAcrossAllClients()
    {
        using var reader = new ReaderClient(app);

        var statuses = new List<HttpStatusCode>();
        await ReaderClient.StartOfWindowAsync(TimeSpan.FromSeconds(20));
        for (var i = 0; i < 4; i++)
        {
            using var response = await reader.SubscribeAsync(MailDevFixture.UniqueAddress("spread"), [Themes.Drugs], client: ReaderClient.NextClient());
            statuses.Add(response.StatusCode);
        }

        using var link = await reader.Http.GetAsync($"{ReaderClient.Me}?token=x");
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.BadRequest, link.StatusCode);
    }
}
