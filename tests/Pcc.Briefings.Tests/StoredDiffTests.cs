using Pcc.Briefings.Comparison;

namespace Pcc.Briefings.Tests;

/// <summary>A diff as the catalogue stores it (<see cref="TextDiff.Render()"/>) reads back as the same pieces, for pages and digests alike.</summary>
public sealed class StoredDiffTests
{
    [Fact]
    public void ARenderedDiffReadsBackAsTheSamePieces()
    {
        var diff = TextDiff.Between(
            "Officers met  weekly with schools & youth clubs [in] {Rugby}.",
            "Officers met daily with schools, youth clubs and parents [in] {Rugby}.");

        var stored = TextDiff.Parse(diff.Render());

        Assert.Equal(diff.Pieces, stored.Pieces);
        Assert.Equal(diff.Render(), stored.Render());
        Assert.Contains(stored.Pieces, p => p is { Kind: DiffPieceKind.Deleted, Text: "weekly" });
        Assert.Contains(stored.Pieces, p => p is { Kind: DiffPieceKind.Inserted, Text: "daily" });
    }

    [Fact]
    public void AReplacementJoinsItsDeletionAndEverythingElseIsSpaced()
    {
        var pieces = TextDiff.Parse("The pilot ran for [-six-]{+twelve+} months [-here-] {+there+}").Pieces;

        Assert.Equal(
            [(DiffPieceKind.Unchanged, "The pilot ran for"), (DiffPieceKind.Deleted, "six"), (DiffPieceKind.Inserted, "twelve"),
             (DiffPieceKind.Unchanged, "months"), (DiffPieceKind.Deleted, "here"), (DiffPieceKind.Inserted, "there")],
            pieces.Select(p => (p.Kind, p.Text)));
        Assert.Equal([false, false, true, false, false, true], Enumerable.Range(0, pieces.Count).Select(i => TextDiff.JoinsPrevious(pieces, i)));
    }
}
