using System.Text.RegularExpressions;
using Pcc.Briefings.Comparison;
using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Tests;

/// <summary>
/// The seed briefing rendered in every format (Fixtures/Renderings, made by make-fixtures.sh): text, Markdown, HTML,
/// Word, and PDF from LibreOffice (A4) and Chromium's print to PDF (A5, sans, with its running header and footer), and
/// printed by Chromium in the layouts briefings are published in: two and three columns, with a boxed sidebar and pull quotes.
/// </summary>
public sealed partial class RenderingTests
{
    /// <summary>The layouts printed in columns (make-fixtures.sh's LAYOUTS), each also holding the later version.</summary>
    public static readonly TheoryData<string> Layouts = new() { "columns2-serif", "columns3-landscape", "columns3-serif", "columns2-landscape", "sidebar" };

    private static readonly string[] s_formats =
    [
        "seed.md", "seed.html", "seed.docx", "seed-libreoffice.pdf", "seed-chromium.pdf",
        "seed-columns2-serif.pdf", "seed-columns3-landscape.pdf", "seed-columns3-serif.pdf", "seed-columns2-landscape.pdf", "seed-sidebar.pdf",
    ];

    public static readonly TheoryData<string> Formats = new(s_formats);

    public static readonly TheoryData<string, string> Pairs = AllPairs(["seed.txt", .. s_formats]);

    private static readonly Dictionary<string, Briefing> s_parsed = new();

    [Theory]
    [MemberData(nameof(Formats))]
    public void TheSeedInEveryFormatGivesTheSameKeysThemesAndTexts(string rendering)
    {
        var text = Parsed("seed.txt");
        var other = Parsed(rendering);

        Assert.Equal("Public Safety, Public Trust", other.Title);
        Assert.Equal(text.Themes.Select(t => t.Slug), other.Themes.Select(t => t.Slug));
        Assert.Equal(text.CaseStudies.Select(c => (c.Key, c.Number, c.ThemeSlug, c.Title, c.Text)),
            other.CaseStudies.Select(c => (c.Key, c.Number, c.ThemeSlug, c.Title, c.Text)));
        // The sidebar layout's boxes are reported (SidebarsAndPullQuotesAreSetApartAndNamed); nothing else is.
        Assert.DoesNotContain(other.Warnings, w => !(rendering == "seed-sidebar.pdf" && w.StartsWith('A')));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void TheLaterVersionInTheSameLayoutComparesExactlyAsItsText(string layout)
    {
        var comparison = CaseStudyComparer.Compare(Parsed($"seed-{layout}.pdf").CaseStudies, Parse($"later-{layout}.pdf").CaseStudies);
        var asText = CaseStudyComparer.Compare(Parsed("seed.txt").CaseStudies, Parse("later.txt").CaseStudies);

        // The later version (briefing-v2.txt) adds case study 3, removes the old 10th and changes 4, 16 and 17.
        Assert.Equal((1, 3, 1, 16), (comparison.New.Count, comparison.Changed.Count, comparison.Removed.Count, comparison.Unchanged.Count));
        Assert.Equal(asText.New.Select(c => c.Key), comparison.New.Select(c => c.Key));
        Assert.Equal(asText.Changed.Select(c => (c.Before.Key, c.After.Text)), comparison.Changed.Select(c => (c.Before.Key, c.After.Text)));
        Assert.Equal(asText.Removed.Select(c => c.Key), comparison.Removed.Select(c => c.Key));
    }

    [Theory]
    [InlineData("seed-columns2-serif.pdf", "The PCC in Warwickshire set up a fund for initiatives in the community")]
    [InlineData("seed-columns3-landscape.pdf", "The PCC in Warwickshire set up a fund for initiatives in the community")]
    public void ColumnsAreReadTopToBottomBeforeTheNextAndTheTitleAcrossThemFirst(string rendering, string sentence)
    {
        var read = BriefingReader.Default.Read(Seeds.Fixture("Renderings/" + rendering), rendering).Value;

        var title = read.Blocks.First(b => b.Kind == BlockKind.Heading);
        Assert.Equal("Public Safety, Public Trust", title.Text);
        var columns = read.Blocks.Where(b => b.Location.Column is not null).ToList();
        Assert.Contains(columns, b => b.Location.Page == 1 && b.Location.Column == 2);
        Assert.Contains(columns, b => b.Text.Contains(sentence, StringComparison.Ordinal));
        // In reading order, every page's columns come left to right.
        foreach (var page in columns.GroupBy(b => b.Location.Page))
            Assert.Equal(page.Select(b => b.Location.Column!.Value).Order(), page.Select(b => b.Location.Column!.Value));
    }

    [Fact]
    public void SidebarsAndPullQuotesAreSetApartAndNamed()
    {
        var read = BriefingReader.Default.Read(Seeds.Fixture("Renderings/seed-sidebar.pdf"), "seed-sidebar.pdf").Value;
        var briefing = Parsed("seed-sidebar.pdf");

        var asides = read.Blocks.Where(b => b.Kind == BlockKind.Aside).ToList();
        Assert.Equal(3, asides.Count);
        Assert.StartsWith("Key facts", asides.Single(a => a.Text.Contains("Police and Crime Commissioners in England", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
        Assert.All(briefing.CaseStudies, c => Assert.DoesNotContain("Key facts", c.Text, StringComparison.Ordinal));
        Assert.Single(briefing.Warnings, w => w.StartsWith("A box on page", StringComparison.Ordinal) && w.Contains("Key facts", StringComparison.Ordinal));
        Assert.Single(briefing.Warnings, w => w.StartsWith("A pull quote on page", StringComparison.Ordinal) && w.Contains("repeats case study 6", StringComparison.Ordinal));
        Assert.Single(briefing.Warnings, w => w.StartsWith("A pull quote on page", StringComparison.Ordinal) && w.Contains("repeats case study 12", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("seed-scan.pdf", "its one page is")]
    [InlineData("later-scan.pdf", "all 2 of its pages are")]
    public void AScanWithNoTextLayerFailsSayingWhatToUploadInstead(string rendering, string pages)
    {
        var result = BriefingParser.Default.Parse(Seeds.Fixture("Renderings/" + rendering), rendering);
        // The later scan's pages carry a line of printed text each (date, title, address, page n/N), as a scanner's stamp does.
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(Seeds.Fixture("Renderings/" + rendering)))
            Assert.All(pdf.GetPages(), p => Assert.Equal(rendering == "later-scan.pdf", p.Letters.Count > 20));

        Assert.False(result.Success);
        Assert.Equal(ReadFailureKind.NoTextLayer, result.Failure!.Kind);
        Assert.Contains($"no text layer: {pages} only images of text", result.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("Upload the document the PDF was made from", result.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("text recognition (OCR)", result.Failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void ComparingAnyTwoRenderingsShowsNoChange(string before, string after)
    {
        var comparison = CaseStudyComparer.Compare(Parsed(before).CaseStudies, Parsed(after).CaseStudies);

        Assert.False(comparison.HasChanges);
        Assert.Equal(20, comparison.Unchanged.Count);
    }

    [Theory]
    [InlineData("seed.txt")]
    [MemberData(nameof(Formats))]
    public void TheSeedHasTwentyCaseStudiesInSevenThemesWithoutFootnoteMarks(string rendering)
    {
        var briefing = Parsed(rendering);

        Assert.Equal(20, briefing.CaseStudies.Count);
        Assert.Equal(["covid-recovery", "violence-and-exploitation", "victims-of-crime", "drug-harm", "reoffending", "trust-in-policing", "racial-inequality"],
            briefing.Themes.Select(t => t.Slug));
        Assert.All(briefing.CaseStudies, c => Assert.DoesNotMatch(FootnoteGlyphs(), c.Text));
        Assert.Contains(briefing.CaseStudies, c => c.Text.Contains("administer naloxone. Durham Police", StringComparison.Ordinal));
        Assert.Contains(briefing.CaseStudies, c => c.Text.Contains("civil society organisations. The plan", StringComparison.Ordinal));
        // The HTML rendering sets most of the seed's marks as <sup>: every format removes those and the same few glyphs.
        var superscripts = Regex.Count(System.Text.Encoding.UTF8.GetString(Seeds.Fixture("Renderings/seed.html")), "<sup>");
        Assert.InRange(briefing.FootnoteMarksRemoved, superscripts, superscripts + 2);
        Assert.Equal(Parsed("seed.txt").FootnoteMarksRemoved, briefing.FootnoteMarksRemoved);
    }

    [Fact]
    public void ApostrophesAndQuotationMarksThatOpenAndCloseStay()
    {
        var briefing = Parsed("seed-chromium.pdf");

        Assert.Contains(briefing.CaseStudies, c => c.Text.Contains("Sussex Prisoners’ Families", StringComparison.Ordinal));
        Assert.Contains(briefing.CaseStudies, c => c.Text.Contains("the use of ‘navigators’ working", StringComparison.Ordinal));
    }

    [Fact]
    public void TheChromiumRenderingWrapsTheFirstThemeHeadingOntoTwoLinesAndReadsItAsOne()
    {
        var read = BriefingReader.Default.Read(Seeds.Fixture("Renderings/seed-chromium.pdf"), "seed-chromium.pdf").Value;

        var heading = Assert.Single(read.Blocks, b => b.Kind == BlockKind.Heading && b.Text.StartsWith("Supporting the long-term", StringComparison.Ordinal));
        Assert.Equal(["Supporting the long-term recovery from the", "Covid-19 pandemic"], heading.Lines);
        Assert.All(Parsed("seed-chromium.pdf").CaseStudies.Take(2), c => Assert.Equal("covid-recovery", c.ThemeSlug));
    }

    [Fact]
    public void TheBrowsersRunningHeaderAndFooterNeverReachACaseStudy()
    {
        var briefing = Parsed("seed-chromium.pdf");

        Assert.All(briefing.CaseStudies, c =>
        {
            Assert.DoesNotContain("file://", c.Text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\b\d{1,2}/11\b", c.Text);
        });
    }

    [Theory]
    [InlineData("later-libreoffice.pdf")]
    [InlineData("later-chromium.pdf")]
    public void AParagraphRunningOverAPageBreakAfterAgedIsJoinedWithItsNumbersAndNothingIsLost(string rendering)
    {
        var text = Parse("later.txt");
        var pdf = Parse(rendering);
        var youth = Assert.Single(pdf.CaseStudies, c => c.Number == 16);

        Assert.Contains("platforms for young people aged 14-25 to influence the future of policing", youth.Text, StringComparison.Ordinal);
        Assert.Equal(text.CaseStudies.Single(c => c.Number == 16).Text, youth.Text);
        Assert.False(CaseStudyComparer.Compare(text.CaseStudies, pdf.CaseStudies).HasChanges);
        Assert.DoesNotContain(pdf.Warnings, w => w.Contains("ends without a full stop", StringComparison.Ordinal));
    }

    [Fact]
    public void ThePageBreakReallyFallsAfterAgedInBothLaterRenderings()
    {
        foreach (var rendering in new[] { "later-libreoffice.pdf", "later-chromium.pdf" })
        {
            var blocks = BriefingReader.Default.Read(Seeds.Fixture("Renderings/" + rendering), rendering).Value.Blocks;
            var before = Assert.Single(blocks, b => b.Lines[^1].EndsWith("platforms for young people aged", StringComparison.Ordinal));
            var after = Assert.Single(blocks, b => b.Lines[0].StartsWith("14-25 to influence the future", StringComparison.Ordinal));
            Assert.True(after.Location.Page > before.Location.Page, rendering);
        }
    }

    private static Briefing Parsed(string rendering)
    {
        lock (s_parsed)
        {
            if (!s_parsed.TryGetValue(rendering, out var briefing))
                s_parsed[rendering] = briefing = Parse(rendering);
            return briefing;
        }
    }

    private static Briefing Parse(string rendering) => Seeds.Parse(Seeds.Fixture("Renderings/" + rendering), rendering);

    private static TheoryData<string, string> AllPairs(string[] renderings)
    {
        var pairs = new TheoryData<string, string>();
        for (var i = 0; i < renderings.Length; i++)
        {
            for (var j = i + 1; j < renderings.Length; j++)
                pairs.Add(renderings[i], renderings[j]);
        }

        return pairs;
    }

    // Closing double quotes, registered and trade marks, asterisks and numbers glued after a sentence end.
    [GeneratedRegex(@"[\u201D®™*]|[.,;:][0-9]+(?=\s+[A-Z])")]
    private static partial Regex FootnoteGlyphs();
}
