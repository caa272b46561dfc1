using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pcc.Testing;

namespace Pcc.Functions.Tests.Subscriptions;

[Collection(SubscriptionsCollection.Name)]
public sealed class SubscriptionValidationTests(SubscriptionsFixture app)
{
    public static TheoryData<string?, string[]?, string?, string> BadRequests => new()
    {
        { "not-an-address", [Themes.Drugs], "daily", "email" },
        { "two@at@example.org", [Themes.Drugs], "daily", "email" },
        { "Reader <reader@example.org>", [Themes.Drugs], "daily", "email" },
        { "reader@localhost", [Themes.Drugs], "daily", "email" },
        { "reader@example..org", [Themes.Drugs], "daily", "email" },
        { "\"quoted\"@example.org", [Themes.Drugs], "daily", "email" },
        { new string('a', 250) + "@example.org", [Themes.Drugs], "daily", "email" },
        { "", [Themes.Drugs], "daily", "email" },
        { null, [Themes.Drugs], "daily", "email" },
        { "x' or PartitionKey ne 'x@example.org", [Themes.Drugs], "daily", "email" },
        { "reader@example.org", ["no-such-theme"], "daily", "themes" },
        { "reader@example.org", ["uncategorised"], "daily", "themes" },
        { "reader@example.org", [], "daily", "themes" },
        { "reader@example.org", null, "daily", "themes" },
        { "reader@example.org", [Themes.Drugs], "hourly", "frequency" },
        { "reader@example.org", [Themes.Drugs], "Daily", "frequency" },
        { "reader@example.org", [Themes.Drugs], null, "frequency" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task ABadFieldIsA400NamingItAndNothingIsStoredOrSent(string? email, string[]? themes, string? frequency, string field)
    {
        using var reader = new ReaderClient(app);
        var tag = Guid.NewGuid().ToString("N");
        email = email?.Replace("example.org", $"{tag}.example.org", StringComparison.Ordinal);

        using var response = await reader.PostJsonAsync(new { email, themes, frequency });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        await reader.AssertNoMailToAnyAddressWithAsync(email is { Length: > 0 } && !email.Contains(tag, StringComparison.Ordinal) ? email : tag);
        if (field != "email")
        {
            Assert.Null(await reader.StoredAsync(email!));
        }
    }

    [Fact]
    public async Task EveryBadFieldIsReportedAtOnce()
    {
        using var reader = new ReaderClient(app);

        using var response = await reader.PostJsonAsync(new { email = "nope", themes = Array.Empty<string>(), frequency = "yearly" });

        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["email", "frequency", "themes"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Theory]
    [InlineData("{\"email\": \"reader@example.org\", \"themes\": ", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[1, 2, 3]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"email\": 5, \"themes\": {}}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("email=reader@example.org", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task ABodyThatIsNotTheJsonObjectIsAProblemAndSubscribesNobody(string body, string contentType, HttpStatusCode status)
    {
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress();

        using var response = await reader.Http.PostAsync("api/subscriptions", new StringContent(body.Replace("reader@example.org", email, StringComparison.Ordinal), System.Text.Encoding.UTF8, contentType));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await reader.ExactMailToAsync(email, 0);
        Assert.Null(await reader.StoredAsync(email));
    }

    [Fact]
    public async Task AnAddressIsStoredTrimmedWithItsDomainInLowerCase()
    {
        using var reader = new ReaderClient(app);
        var tag = Guid.NewGuid().ToString("N")[..12];

        using var response = await reader.SubscribeAsync($"  O'Brien.Reader.{tag}@Example.ORG ", [Themes.Drugs, Themes.Drugs]);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sent = Assert.Single(await reader.ExactMailToAsync($"O'Brien.Reader.{tag}@example.org", 1));
        Assert.Equal([$"O'Brien.Reader.{tag}@example.org"], sent.To);
        Assert.NotNull(await reader.StoredAsync($"O'Brien.Reader.{tag}@example.org"));
    }

    [Fact]
    public async Task AnAddressWithQuotesInItIsJustAnotherAddress()
    {
        using var reader = new ReaderClient(app);
        var tag = Guid.NewGuid().ToString("N")[..12];
        var victim = MailDevFixture.UniqueAddress("victim");
        var quoted = $"x'or'1'eq'1{tag}@example.org";
        await reader.SubscribeAndConfirmAsync(victim, [Themes.Violence]);

        using var response = await reader.SubscribeAsync(quoted, [Themes.Drugs], "weekly");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal([quoted], Assert.Single(await reader.ExactMailToAsync(quoted, 1)).To);
        var stored = (await reader.StoredAsync(victim))!;
        Assert.Equal([Themes.Violence], stored.Themes);
        await reader.ExactMailToAsync(victim, 1);
    }

    [Fact]
    public async Task PuttingBadSettingsIsA400AndChangesNothing()
    {
        using var reader = new ReaderClient(app);
        var email = MailDevFixture.UniqueAddress("settings");
        var manage = await reader.SubscribeAndConfirmAsync(email, [Themes.Violence], "daily");

        using var response = await reader.PutMeAsync(manage, ["no-such-theme"], "sometimes");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["frequency", "themes"], errors.EnumerateObject().Select(p => p.Name).Order());
        var stored = (await reader.StoredAsync(email))!;
        Assert.Equal([Themes.Violence], stored.Themes);
    }
}
