using Microsoft.Playwright;
using Pcc.Pages.Tests.Support;
using Pcc.Testing;
using static Microsoft.Playwright.Assertions;

namespace Pcc.Pages.Tests;

public sealed class EditorPagesTests(AzuriteFixture azurite, MailDevFixture mailDev, Chromium chromium)
    : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>, IClassFixture<Chromium>
{
    [Fact]
    public async Task AnEditorUploadsTheSeedBriefingAndSeesTwentyCaseStudiesInItsReport()
    {
        await using var site = await Site.StartAsync(azurite.Azurite, mailDev.MailDev);
        var page = await PageChecks.NewPageAsync(chromium.Browser);

        await page.GotoAsync(site.Url("/editor").AbsoluteUri);
        await Expect(page.GetByText("Nothing has been uploaded yet.")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "editor-empty");
        await page.GetByLabel("Briefing file").SetInputFilesAsync(SeedBriefing.Path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        // The blob trigger reads it within a few seconds; the page says so until then.
        var counts = page.GetByRole(AriaRole.Row, new() { Name = "Case studies" });
        await Site.EventuallyAsync(async () =>
        {
            if (await counts.CountAsync() > 0)
            {
                return true;
            }

            await page.ReloadAsync();
            return false;
        }, "the ingest report");
        await Expect(counts.GetByRole(AriaRole.Cell)).ToHaveTextAsync("20");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Themes" }).GetByRole(AriaRole.Cell)).ToHaveTextAsync("7");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New case studies (20)" })).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "editor-report");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the editor" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = SeedBriefing.Name })).ToContainTextAsync("Ingested");
        await PageChecks.CheckAsync(page, "editor");
    }

    [Fact]
    public async Task AnUnreadableUploadIsReportedWithWhatWentWrong()
    {
        await using var site = await Site.StartAsync(azurite.Azurite, mailDev.MailDev);
        var page = await PageChecks.NewPageAsync(chromium.Browser);

        await page.GotoAsync(site.Url("/editor").AbsoluteUri);
        await page.GetByLabel("Briefing file").SetInputFilesAsync(new FilePayload { Name = "old.doc", MimeType = "application/msword", Buffer = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Site.EventuallyAsync(async () =>
        {
            if (await page.GetByRole(AriaRole.Alert).CountAsync() > 0)
            {
                return true;
            }

            await page.ReloadAsync();
            return false;
        }, "the failed ingest's report");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("could not be read");
        await PageChecks.CheckAsync(page, "editor-report-failed");
    }
}
