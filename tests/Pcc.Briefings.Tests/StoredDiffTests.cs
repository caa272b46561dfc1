using System.Text.Json;
using Pcc.Briefings.Comparison;

namespace Pcc.Briefings.Tests;

/// <summary>
/// A diff is stored as JSON pieces (<see cref="TextDiff.ToJson()"/>) and reads back as the same pieces, for pages and
/// digests alike; diffs stored earlier as marked text (<see cref="TextDiff.Render()"/>) still read.
/// </summary>
public sealed class StoredDiffTests
{
    private static readonly TextDiff s_diff = TextDiff.Between(
        "Officers met  weekly with schools & youth clubs [in] {Rugby}.",
        "Officers met daily with schools, youth clubs and parents [in] {Rugby}.");

    [Fact]
    public void AStoredDiffIsTheArrayOfItsPieces()
    {
        var stored = TextDiff.Between("The pilot ran for six months.", "The pilot ran for twelve months.").ToJson();

        Assert.Equal(
            """[{"kind":"unchanged","text":"The pilot ran for"},{"kind":"deleted","text":"six"},{"kind":"inserted","text":"twelve"},{"kind":"unchanged","text":"months."}]""",
            stored);
    }

    [Fact]
    public void AStoredDiffReadsBackAsTheSamePieces()
    {
        var read = TextDiff.FromStored(s_diff.ToJson());

        Assert.Equal(s_diff.Pieces, read.Pieces);
        Assert.Contains(read.Pieces, p => p is { Kind: DiffPieceKind.Deleted, Text: "weekly" });
        Assert.Contains(read.Pieces, p => p is { Kind: DiffPieceKind.Inserted, Text: "daily" });
    }

    [Fact]
    public void WordsThatLookLikeMarksSurviveAsPiecesButNotAsMarkedText()
    {
        var diff = TextDiff.Between("Scores fell [-3 points-] overall.", "Scores fell {+5 points+} overall.");

        Assert.Equal(diff.Pieces, TextDiff.FromStored(diff.ToJson()).Pieces);
        Assert.NotEqual(diff.Pieces, TextDiff.Parse(diff.Render()).Pieces);
    }

    [Fact]
    public void ADiffStoredAsMarkedTextStillReads()
    {
        Assert.Equal(s_diff.Pieces, TextDiff.FromStored(s_diff.Render()).Pieces);
        Assert.Equal(
            [(DiffPieceKind.Deleted, "six"), (DiffPieceKind.Inserted, "twelve"), (DiffPieceKind.Unchanged, "months")],
            TextDiff.FromStored("[-six-]{+twelve+} months").Pieces.Select(p => (p.Kind, p.Text)));
    }

    [Fact]
    public void AReportWrittenWithMarkedTextReadsAsOneWrittenWithPieces()
    {
        var written = JsonSerializer.Serialize(new { diff = s_diff }, JsonSerializerOptions.Web);
        var old = JsonSerializer.Serialize(new { diff = s_diff.Render() }, JsonSerializerOptions.Web);

        Assert.Contains("\"diff\":[{\"kind\":", written);
        Assert.Equal(s_diff.Pieces, JsonSerializer.Deserialize<Report>(written, JsonSerializerOptions.Web)!.Diff.Pieces);
        Assert.Equal(s_diff.Pieces, JsonSerializer.Deserialize<Report>(old, JsonSerializerOptions.Web)!.Diff.Pieces);
    }

    [Theory]
    [InlineData("""[{"kind":"moved","text":"x"}]""")]
    [InlineData("""[{"kind":"deleted"}]""")]
    [InlineData("""[{"kind":"deleted","text":"x"}""")]
    public void AMalformedStoredDiffFailsAsJson(string stored) =>
        Assert.ThrowsAny<JsonException>(() => TextDiff.FromStored(stored));

    [Fact]
    public void AnExcerptKeepsEveryChangeAndAFewWordsAroundIt()
    {
        var before = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"w{i}"));
        var excerpt = TextDiff.Between(before, before.Replace("w20", "changed", StringComparison.Ordinal)).Excerpt(3);

        Assert.Equal(
            [(DiffPieceKind.Unchanged, "… w17 w18 w19"), (DiffPieceKind.Deleted, "w20"), (DiffPieceKind.Inserted, "changed"), (DiffPieceKind.Unchanged, "w21 w22 w23 …")],
            excerpt.Pieces.Select(p => (p.Kind, p.Text)));
    }

    [Fact]
    public void AStoredDiffTooLongForItsPlaceKeepsOnlyTheWordsAroundEachChange()
    {
        var before = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"w{i}"));
        var diff = TextDiff.Between(before, before.Replace("w20", "changed", StringComparison.Ordinal));

        Assert.Equal(diff.ToJson(), diff.ToJson(diff.ToJson().Length));
        Assert.Equal(diff.Excerpt(3).ToJson(), diff.ToJson(diff.ToJson().Length - 1, context: 3));
        Assert.Null(diff.ToJson(20, context: 3));
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

    private sealed record Report(TextDiff Diff);
}
