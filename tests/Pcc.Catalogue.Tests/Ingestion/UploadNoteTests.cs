using Microsoft.Extensions.DependencyInjection;
using Pcc.Briefings.Comparison;
using Pcc.Catalogue.Ingestion;
using Pcc.Catalogue.Ingestion.Reports;
using Pcc.Catalogue.Ingestion.Uploads;
using Pcc.Catalogue.Reading;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests.Ingestion;

/// <summary>
/// What an editor says about an upload travels in the blob's metadata, survives any characters, and reaches the
/// report, the version and every change record; an upload marked as corrections only makes its changes editorial.
/// </summary>
public sealed class UploadNoteTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly string s_seed = File.ReadAllText(RepositoryRoot.Combine("seeds", "001_88da988782738298.txt"));

    [Theory]
    [InlineData("Figures for 2025 \u2014 see Police Scotland\u2019s release (100% checked)")]
    [InlineData("Typo fixed")]
    public void ANoteReadsBackAsWrittenWhateverItsCharacters(string note)
    {
        var metadata = UploadNote.Of(note, editorialOnly: true).ToMetadata();

        Assert.All(metadata.Values, v => Assert.True(v.All(char.IsAscii)));
        Assert.Equal(new UploadNote(note, true), UploadNote.Read(metadata));
    }

    [Fact]
    public void ANoteTypedInStorageExplorerReadsAsTyped()
    {
        var read = UploadNote.Read(new Dictionary<string, string> { ["ChangeNote"] = "Up 5% on 2024", ["Editorial"] = "TRUE" });

        Assert.Equal(new UploadNote("Up 5% on 2024", true), read);
        Assert.Equal(UploadNote.None, UploadNote.Read(new Dictionary<string, string> { ["author"] = "x" }));
    }

    [Fact]
    public void ALongNoteIsCutAtAWord()
    {
        var note = UploadNote.Of(string.Join(' ', Enumerable.Repeat("corrected", 100)), false).ChangeNote!;

        Assert.True(note.Length <= UploadNote.MaxLength);
        Assert.EndsWith("corrected\u2026", note);
    }

    [Fact]
    public async Task AnUploadMarkedAsCorrectionsOnlyMakesItsChangesEditorialAndCarriesItsNote()
    {
        var services = await CatalogueServices.CreateAsync(fixture);
        var uploads = services.GetRequiredService<BriefingUploads>();
        var ingestor = services.GetRequiredService<BriefingIngestor>();
        var name = AzuriteFixture.UniqueName("b") + ".txt";
        await UploadAsync(uploads, name, s_seed, null);
        await ingestor.IngestAsync(name, CancellationToken.None);

        const string note = "Wording tidied \u2014 the figure was a typo";
        await UploadAsync(uploads, name, s_seed.Replace("homicides fall 39 per cent", "homicides fall 41 per cent", StringComparison.Ordinal), UploadNote.Of(note, editorialOnly: true));
        var outcome = await ingestor.IngestAsync(name, CancellationToken.None);

        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        var reader = services.GetRequiredService<CatalogueReader>();
        var briefing = (await reader.BriefingAsync(BriefingSlug.FromBlobName(name), editor: false, CancellationToken.None))!;
        var version = briefing.Versions.Single(v => v.Version == 2);
        Assert.Equal((note, true, 1), (version.ChangeNote, version.EditorialOnly, version.Editorial));
        var change = Assert.Single(version.Changes);
        Assert.Equal((ChangeGrade.Editorial, note), (change.Grade, change.Note));

        var report = (await services.GetRequiredService<IngestionReports>().LoadAsync(version.Report, CancellationToken.None))!;
        var graded = Assert.Single(report.Changed);
        Assert.Equal(ChangeGrade.Editorial, graded.Grade);
        Assert.StartsWith("marked as corrections only by the editor (by the rule: substantive, figures (39 \u2192 41))", graded.GradeReason);
        Assert.Equal(ChangeGrader.Rule, report.GradingRule);
        Assert.Contains($"Change note: {note}", IngestionReportText.Render(report));

        var history = (await reader.CaseStudyAsync(change.Key, CancellationToken.None))!.History;
        Assert.Equal((ChangeGrade.Editorial, note), (history[0].Grade, history[0].Note));
    }

    private static Task<UploadResult> UploadAsync(BriefingUploads uploads, string name, string text, UploadNote? note)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return uploads.UploadAsync(name, new MemoryStream(bytes), bytes.Length, note, CancellationToken.None);
    }
}
