using Microsoft.Playwright;
using Pcc.Pages.Tests.Support;
using Pcc.Testing.App;
using static Microsoft.Playwright.Assertions;

namespace Pcc.Pages.Tests;

[Collection(SiteCollection.Name)]
public sealed class EditorPagesTests(AppFixture site, Chromium chromium)
{
    [Fact]
    public async Task AnEditorUploadsTheSeedBriefingAndSeesTwentyCaseStudiesInItsReport()
    {
        var name = AppFixture.UniqueBriefingName();
        var page = await PageChecks.NewPageAsync(chromium.Browser);

        await page.GotoAsync(site.Url("/editor").AbsoluteUri);
        await page.GetByLabel("Briefing file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/plain", Buffer = SeedBriefing.Bytes });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        // The blob trigger reads it within a few seconds; the page says so until then.
        var counts = page.GetByRole(AriaRole.Row, new() { Name = "Case studies" });
        await ReloadUntilAsync(page, counts, "the ingest report");
        await Expect(counts.GetByRole(AriaRole.Cell)).ToHaveTextAsync("20");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Themes" }).GetByRole(AriaRole.Cell)).ToHaveTextAsync("7");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New case studies (20)" })).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "editor-report");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the editor" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("Ingested");
        await PageChecks.CheckAsync(page, "editor");
    }

    [Fact]
    public async Task AnEditorUploadsCorrectionsWithANoteAndTheReportGradesThemEditorial()
    {
        var name = AppFixture.UniqueBriefingName();
        await site.IngestAsync(name, SeedBriefing.Bytes, version: 1);
        var page = await PageChecks.NewPageAsync(chromium.Browser);

        await page.GotoAsync(site.Url("/editor").AbsoluteUri);
        await page.GetByLabel("Briefing file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/plain", Buffer = SeedBriefing.Edited(SeedBriefing.Corrected) });
        await page.GetByLabel("Change note").FillAsync("Spelling & commas — no new facts");
        await page.GetByLabel("Corrections only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        var editorial = page.GetByRole(AriaRole.Row, new() { Name = "of which editorial" });
        await ReloadUntilAsync(page, editorial, "the corrected version's report");
        await Expect(editorial.GetByRole(AriaRole.Cell)).ToHaveTextAsync("1");
        await Expect(page.GetByText("Editor's note: Spelling & commas — no new facts")).ToBeVisibleAsync();
        await Expect(page.GetByText("Editorial: punctuation, capitals or spacing; spelling (programmes \u2192 programs)")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "editor-report-corrections");
    }

    [Fact]
    public async Task AnUnreadableUploadIsReportedWithWhatWentWrong()
    {
        var page = await PageChecks.NewPageAsync(chromium.Browser);

        await page.GotoAsync(site.Url("/editor").AbsoluteUri);
        await page.GetByLabel("Briefing file").SetInputFilesAsync(new FilePayload
        {
            Name = AppFixture.UniqueBriefingName("old.doc"), MimeType = "application/msword", Buffer = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await ReloadUntilAsync(page, page.GetByRole(AriaRole.Alert), "the failed ingest's report");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("could not be read");
        await PageChecks.CheckAsync(page, "editor-report-failed");
    }

    /// <summary>Reloads the page until <paramref name="what"/> is on it, as an editor waiting for the report would.</summary>
    private static Task ReloadUntilAsync(IPage page, ILocator locator, string what) => Eventually.Async(
        async () =>
        {
            if (await locator.CountAsync() > 0)
            {
                return true;
            }

            await page.ReloadAsync();
            return false;
        },
        found => found,
        what);
}
