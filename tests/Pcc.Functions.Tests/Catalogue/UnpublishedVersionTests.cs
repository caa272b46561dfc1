using Pcc.Catalogue.Ingestion;
using System.Net;
using System.Text;
using System.Text.Json;
using Pcc.Catalogue.Storage;
using Pcc.Functions.Tests.Ingestion;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.Catalogue;

/// <summary>Held and failed uploads were never published: only editors see them, their reports and their text.</summary>
[Collection(SignedInEditorsCollection.Name)]
public sealed class UnpublishedVersionTests(SignedInEditorsApp app)
{
    private static readonly byte[] NoCaseStudies = Encoding.UTF8.GetBytes("Minutes of the estates committee\n\nThe car park will be resurfaced in the spring. No other business.\n");

    [Fact]
    public async Task AHeldVersionItsReportAndItsTextAreShownToEditorsOnly()
    {
        var name = AppFixture.UniqueBriefingName();
        var slug = AppFixture.SlugOf(name);
        var published = (await app.IngestAsync(name, SeedBriefing.Bytes, version: 1)).GetProperty("versions")[0].GetProperty("report").GetString()!;
        var held = await app.UploadAndSettleAsync(name, NoCaseStudies);
        Assert.Equal(IngestStatus.Held, held.Status);
        var report = held.Report;
        var text = IngestionPathsText(report);

        foreach (var stranger in new[] { null, SignedInEditorsApp.Reader })
        {
            using var briefing = await app.GetAsAsync($"api/briefings/{slug}", stranger);
            var json = await briefing.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, briefing.StatusCode);
            Assert.DoesNotContain(Path.GetFileNameWithoutExtension(report), json, StringComparison.Ordinal);
            var root = JsonDocument.Parse(json).RootElement;
            Assert.False(root.TryGetProperty("held", out _), json);
            Assert.Equal(1, root.GetProperty("heldVersions").GetInt32());
            Assert.Equal(1, root.GetProperty("currentVersion").GetInt32());
            foreach (var file in new[] { report, text })
            {
                using var answer = await app.GetAsAsync($"api/reports/{file}", stranger);
                Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
                Assert.DoesNotContain("HELD FOR REVIEW", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using var publishedReport = await app.GetAsAsync($"api/reports/{published}", stranger);
            Assert.Equal(HttpStatusCode.OK, publishedReport.StatusCode);
        }

        using var asEditor = await app.GetAsAsync($"api/briefings/{slug}", SignedInEditorsApp.Editor);
        var editorView = JsonDocument.Parse(await asEditor.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(report, Assert.Single(editorView.GetProperty("held").EnumerateArray()).GetProperty("report").GetString());
        using var editorText = await app.GetAsAsync($"api/reports/{text}", SignedInEditorsApp.Editor);
        Assert.Equal(HttpStatusCode.OK, editorText.StatusCode);
        Assert.Contains("HELD FOR REVIEW", await editorText.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedUploadIsCountedForEveryoneAndItsReportIsForEditorsOnly()
    {
        var name = AppFixture.UniqueBriefingName("notes.md");
        var slug = AppFixture.SlugOf(name);
        var failed = await app.UploadAndSettleAsync(name, Encoding.UTF8.GetBytes("# Notes\n\nNothing numbered here, only a draft agenda for the next meeting.\n"));
        Assert.Equal(IngestStatus.Failed, failed.Status);

        using var briefing = await app.GetAsAsync($"api/briefings/{slug}", null);
        var json = await briefing.Content.ReadAsStringAsync();
        Assert.Equal(1, JsonDocument.Parse(json).RootElement.GetProperty("failedUploads").GetInt32());
        Assert.DoesNotContain(Path.GetFileNameWithoutExtension(failed.Report), json, StringComparison.Ordinal);
        using var anonymous = await app.GetAsAsync($"api/reports/{failed.Report}", null);
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);

        using var editor = await app.GetAsAsync($"api/reports/{failed.Report}", SignedInEditorsApp.Editor);
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
    }

    private static string IngestionPathsText(string report) => Path.ChangeExtension(report, ".txt");
}
