using Pcc.Pages.Tests.Support;
using Pcc.Testing.App;
using static Microsoft.Playwright.Assertions;

namespace Pcc.Pages.Tests;

/// <summary>The pages as they are before anything has been uploaded.</summary>
[Collection(EmptySiteCollection.Name)]
public sealed class EmptySitePagesTests(AppFixture site, Chromium chromium)
{
    [Fact]
    public async Task TheEditorSaysNothingHasBeenUploadedYet()
    {
        var page = await PageChecks.NewPageAsync(chromium.Browser);

        await page.GotoAsync(site.Url("/editor").AbsoluteUri);

        await Expect(page.GetByText("Nothing has been uploaded yet.")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "editor-empty");
    }
}
