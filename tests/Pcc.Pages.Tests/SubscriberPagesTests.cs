using Microsoft.Playwright;
using Pcc.Pages.Tests.Support;
using Pcc.Testing;
using Pcc.Testing.App;
using static Microsoft.Playwright.Assertions;

namespace Pcc.Pages.Tests;

[Collection(EmptySiteCollection.Name)]
public sealed class SubscriberPagesTests(AppFixture site, Chromium chromium)
{
    [Fact]
    public async Task AReaderSubscribesOnThePageConfirmsFromTheEmailChangesThemesAndUnsubscribes()
    {
        var page = await PageChecks.NewPageAsync(chromium.Browser, phone: true);
        var address = MailDevFixture.UniqueAddress();

        await page.GotoAsync(site.Url("/").AbsoluteUri);
        await page.GetByRole(AriaRole.Link, new() { Name = "Subscribe", Exact = true }).First.ClickAsync();
        await PageChecks.CheckAsync(page, "subscribe");
        await page.GetByLabel("Email address").FillAsync(address);
        await page.GetByLabel("Tackling violence and exploitation").CheckAsync();
        await page.GetByLabel("Supporting victims of crime").CheckAsync();
        await page.GetByLabel("A weekly digest").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        await PageChecks.CheckAsync(page, "subscribe-check-your-email");

        var link = Readers.ConfirmLinkIn(await site.MailDev.WaitForAsync(address));
        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Confirm your subscription");
        await PageChecks.CheckAsync(page, "subscribe-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You are subscribed");
        await Expect(page.Locator("main li")).ToHaveTextAsync(["Tackling violence and exploitation", "Supporting victims of crime"]);
        await PageChecks.CheckAsync(page, "subscribe-confirmed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Manage your subscription" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your subscription");
        await Expect(page.GetByLabel("A weekly digest")).ToBeCheckedAsync();
        await page.GetByLabel("Supporting victims of crime").UncheckAsync();
        await page.GetByLabel("Reducing the harm caused by drugs").CheckAsync();
        await page.GetByLabel("A daily digest").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await Expect(page.GetByLabel("Reducing the harm caused by drugs")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Supporting victims of crime")).Not.ToBeCheckedAsync();
        await Expect(page.GetByLabel("A daily digest")).ToBeCheckedAsync();
        await PageChecks.CheckAsync(page, "subscription-manage");

        await page.GetByRole(AriaRole.Link, new() { Name = "unsubscribe" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Unsubscribe?");
        await PageChecks.CheckAsync(page, "unsubscribe-ask");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You are unsubscribed");
        await PageChecks.CheckAsync(page, "unsubscribed");
        await page.GetByRole(AriaRole.Link, new() { Name = "subscribe again" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Subscribe");
    }

    [Fact]
    public async Task TheFormSaysWhatToFixAndKeepsWhatWasTyped()
    {
        var page = await PageChecks.NewPageAsync(chromium.Browser);

        await page.GotoAsync(site.Url("/subscribe").AbsoluteUri);
        await page.GetByLabel("Email address").FillAsync("reader@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choose at least one theme.");
        await Expect(page.GetByLabel("Email address")).ToHaveValueAsync("reader@example.org");
        await PageChecks.CheckAsync(page, "subscribe-errors");
    }
}
