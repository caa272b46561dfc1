using System.Text.Json;
using Microsoft.Playwright;
using Pcc.Pages.Tests.Support;
using Pcc.Testing;
using Pcc.Testing.App;
using static Microsoft.Playwright.Assertions;

namespace Pcc.Pages.Tests;

[Collection(SiteCollection.Name)]
public sealed class FollowPagesTests(AppFixture site, Chromium chromium)
{
    [Fact]
    public async Task AReaderFollowsACaseStudyFromItsPageConfirmsAndSeesItOnTheManagePage()
    {
        var name = AppFixture.UniqueBriefingName();
        var briefing = await site.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        var twelve = briefing.GetProperty("versions")[0].GetProperty("changes").EnumerateArray()
            .Single(c => c.GetProperty("number").ValueKind == JsonValueKind.Number && c.GetProperty("number").GetInt32() == 12);
        var (key, title) = (twelve.GetProperty("key").GetString()!, twelve.GetProperty("title").GetString()!);
        var page = await PageChecks.NewPageAsync(chromium.Browser, phone: true);
        var address = MailDevFixture.UniqueAddress("follow");

        await page.GotoAsync(site.Url($"/briefings/{AppFixture.SlugOf(name)}").AbsoluteUri);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Get emails about this" })).ToBeVisibleAsync();
        await page.GotoAsync(site.Url($"/case-studies/{key}").AbsoluteUri);
        var follow = page.GetByRole(AriaRole.Region, new() { Name = "Get emails about this" });
        await Expect(follow).ToContainTextAsync("when this case study changes");
        await PageChecks.CheckAsync(page, "case-study-follow");
        await follow.GetByLabel("Email address").FillAsync(address);
        await follow.GetByLabel("A weekly digest").CheckAsync();
        await follow.GetByRole(AriaRole.Button, new() { Name = "Get emails" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        await Expect(page.Locator("main li")).ToHaveTextAsync([$"Case study: {title}"]);
        await PageChecks.CheckAsync(page, "case-study-follow-check-your-email");

        await page.GotoAsync(Readers.ConfirmLinkIn(await site.MailDev.WaitForAsync(address)));
        await Expect(page.Locator("main li")).ToHaveTextAsync([$"Case study: {title}"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You are subscribed");
        await Expect(page.Locator("main li")).ToHaveTextAsync([$"Case study: {title}"]);

        await page.GetByRole(AriaRole.Link, new() { Name = "Manage your subscription" }).ClickAsync();
        var followed = page.GetByRole(AriaRole.Group, new() { Name = "Case studies you follow" });
        await Expect(followed.GetByLabel(title)).ToBeCheckedAsync();
        await Expect(page.GetByLabel("A weekly digest")).ToBeCheckedAsync();
        await PageChecks.CheckAsync(page, "subscription-manage-follows");
    }
}
