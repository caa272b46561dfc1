using Microsoft.Extensions.DependencyInjection;
using Pcc.Briefings.Comparison;
using Pcc.Catalogue.Reading;
using Pcc.Catalogue.Storage;
using Pcc.Testing;

namespace Pcc.Catalogue.Tests.Reading;

/// <summary>
/// Change and history rows written before diffs were stored as pieces hold the diff's marked text; the catalogue
/// reads them as it reads new rows, so the API, pages and digests show old changes as before.
/// </summary>
public sealed class StoredDiffTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Marked = "The pilot ran for [-six-]{+twelve+} months.";

    private static readonly (DiffPieceKind, string)[] s_pieces =
        [(DiffPieceKind.Unchanged, "The pilot ran for"), (DiffPieceKind.Deleted, "six"), (DiffPieceKind.Inserted, "twelve"), (DiffPieceKind.Unchanged, "months.")];

    [Fact]
    public async Task OldAndNewChangeRowsReadAsTheSamePieces()
    {
        var (store, reader) = await CatalogueAsync();
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        var json = TextDiff.FromStored(Marked).ToJson();
        await store.Changes.AddEntityAsync(Change("old-row", at, Marked));
        await store.Changes.AddEntityAsync(Change("new-row", at.AddSeconds(1), json));

        var page = await reader.ChangesAsync(at.AddSeconds(-1), at.AddMinutes(1), 10, null, CancellationToken.None);

        Assert.Equal(["old-row", "new-row"], page!.Changes.Select(c => c.Key));
        Assert.All(page.Changes, c => Assert.Equal(s_pieces, c.Diff!.Pieces.Select(p => (p.Kind, p.Text))));
    }

    [Fact]
    public async Task AnOldHistoryRowReadsAsPieces()
    {
        var (store, reader) = await CatalogueAsync();
        var at = DateTimeOffset.UtcNow;
        await store.CaseStudyHistory.AddEntityAsync(Fill(new CaseStudyHistoryEntity { PartitionKey = "old-case", RowKey = CaseStudyHistoryEntity.RowKeyFor(at, "b") }, "old-case", at, Marked));

        var detail = await reader.CaseStudyAsync("old-case", CancellationToken.None);

        var history = Assert.Single(detail!.History);
        Assert.Equal(s_pieces, history.Diff!.Pieces.Select(p => (p.Kind, p.Text)));
    }

    private static ChangeEntity Change(string key, DateTimeOffset at, string diff) =>
        Fill(new ChangeEntity { PartitionKey = ChangeEntity.PartitionFor(at), RowKey = ChangeEntity.RowKeyFor(at, "b", key) }, key, at, diff);

    private static T Fill<T>(T row, string key, DateTimeOffset at, string diff)
        where T : CaseStudyEventRecord
    {
        row.Kind = "changed";
        row.Key = key;
        row.ThemeSlug = "drug-harm";
        row.Theme = "Drug harm";
        row.Title = "A pilot";
        row.Text = "The pilot ran for twelve months.";
        row.Briefing = "b";
        row.Version = 2;
        row.IngestedAt = at;
        row.Diff = diff;
        return row;
    }

    private async Task<(PccStore Store, CatalogueReader Reader)> CatalogueAsync()
    {
        var services = await CatalogueServices.CreateAsync(fixture);
        return (services.GetRequiredService<PccStore>(), services.GetRequiredService<CatalogueReader>());
    }
}
