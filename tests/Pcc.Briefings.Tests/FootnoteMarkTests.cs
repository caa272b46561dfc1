using System.Text;

namespace Pcc.Briefings.Tests;

/// <summary>Footnote reference marks go in every format and are counted; quotation marks, apostrophes and words stay.</summary>
public sealed class FootnoteMarkTests
{
    private const string Heading = "Reducing the harm caused by drugs";

    [Fact]
    public void GlyphMarksGluedToASentenceEndGoFromPlainText()
    {
        var briefing = Parse($"{Heading}\n\nCase study 9: Over 75 people have been trained to administer naloxone.”® Durham Police also help. "
            + "Results are then made available online.” Other schemes work.* Partners and children*. Staff “trust the process.” Families’ ties.\n", "marks.txt");

        Assert.Equal("Over 75 people have been trained to administer naloxone. Durham Police also help. Results are then made available online. "
            + "Other schemes work. Partners and children. Staff “trust the process.” Families’ ties.", briefing.CaseStudies.Single().Text);
        Assert.Equal(4, briefing.FootnoteMarksRemoved);
    }

    [Fact]
    public void AStraightQuoteClosingAQuotationStaysAndAStrayOneGoes()
    {
        var briefing = Parse($"{Heading}\n\nCase study 9: The charity said \"it works.\" Rises in knife crime and robbery.\"” To tackle this, forces act.\n", "quotes.md");

        Assert.Equal("The charity said \"it works.\" Rises in knife crime and robbery. To tackle this, forces act.", briefing.CaseStudies.Single().Text);
        Assert.Equal(1, briefing.FootnoteMarksRemoved);
    }

    [Fact]
    public void SuperscriptElementsGoFromHtml()
    {
        var html = $"<h2>{Heading}</h2><p>Case study 9: Trained to administer naloxone.<sup><a href=\"#n1\">19</a></sup> Durham Police help.<sup>*</sup> "
            + "It is E=mc<sup>2</sup> and the 1<sup>st</sup> scheme.</p>";

        var briefing = Parse(html, "marks.html");

        Assert.Equal("Trained to administer naloxone. Durham Police help. It is E=mc and the 1st scheme.", briefing.CaseStudies.Single().Text);
        Assert.Equal(3, briefing.FootnoteMarksRemoved);
    }

    [Fact]
    public void SuperscriptAndRaisedRunsGoFromWord()
    {
        const string superscript = "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>19</w:t></w:r>";
        const string raised = "<w:r><w:rPr><w:position w:val=\"8\"/><w:sz w:val=\"19\"/></w:rPr><w:t>20</w:t></w:r>";
        var xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + $"<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>{Heading}</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>Case study 9: Trained to administer naloxone.</w:t></w:r>" + superscript
            + "<w:r><w:t xml:space=\"preserve\"> Durham Police help.</w:t></w:r>" + raised
            + "<w:r><w:t xml:space=\"preserve\"> Results follow.</w:t></w:r></w:p></w:body></w:document>";

        var briefing = BriefingParser.Default.Parse(TestDocuments.DocxWithDocumentXml(xml), "marks.docx").Value;

        Assert.Equal("Trained to administer naloxone. Durham Police help. Results follow.", briefing.CaseStudies.Single().Text);
        Assert.Equal(2, briefing.FootnoteMarksRemoved);
    }

    private static Briefing Parse(string text, string name) => BriefingParser.Default.Parse(Encoding.UTF8.GetBytes(text), name).Value;
}
