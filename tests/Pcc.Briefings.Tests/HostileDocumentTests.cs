using System.Text;
using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Tests;

/// <summary>
/// Hostile and careless documents, generated here rather than committed: each ends in a failure an editor can act on,
/// naming the limit and the place, in this process and without a crash or a hang.
/// </summary>
public sealed class HostileDocumentTests
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    [Fact]
    public void AWordDocumentWithAHundredThousandNestedParagraphsFailsNamingThePartAndParagraph()
    {
        var xml = new StringBuilder($"<w:document xmlns:w=\"{WordNamespace}\"><w:body>");
        xml.Insert(xml.Length, "<w:p>", 100_000).Insert(xml.Length, "</w:p>", 100_000).Append("</w:body></w:document>");
        var docx = TestDocuments.DocxWithDocumentXml(xml.ToString());
        Assert.True(docx.Length < 64 * 1024);

        var failure = Fail(docx, "deep.docx", ReadFailureKind.TooLarge);

        Assert.Equal("word/document.xml, paragraph 1", failure.Location);
        Assert.Equal("deep.docx (word/document.xml, paragraph 1): The document is nested deeper than 512 levels. Expected ordinary paragraphs and tables; save it again from Word.",
            failure.ToString());
    }

    [Fact]
    public void AWordDocumentDeclaringADtdIsRefusedBeforeAnyEntityIsExpanded()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + $"<w:document xmlns:w=\"{WordNamespace}\"><w:body><w:p><w:r><w:t>Case study 1: &x;</w:t></w:r></w:p></w:body></w:document>";

        var failure = Fail(TestDocuments.DocxWithDocumentXml(xml), "entity.docx", ReadFailureKind.Corrupt);

        Assert.Contains("DTD", failure.Message, StringComparison.Ordinal);
        Assert.Equal("part word/document.xml", failure.Location);
    }

    [Fact]
    public void HtmlWithATenMegabyteAttributeIsTooLarge()
    {
        var html = "<html><body><p title=\"" + new string('a', 10 * 1024 * 1024) + "\">Case study 1: text.</p></body></html>";

        var failure = Fail(Encoding.UTF8.GetBytes(html), "attribute.html", ReadFailureKind.TooLarge);

        Assert.Contains("characters of text. Expected at most 4,194,304", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlNestedDeeperThanTheLimitFailsNamingTheLine()
    {
        var html = "<html><body>\n" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "Case study 1: text." + "</body></html>";

        var failure = Fail(Encoding.UTF8.GetBytes(html), "nested.html", ReadFailureKind.TooLarge);

        Assert.Contains("nested deeper than 512 levels", failure.Message, StringComparison.Ordinal);
        Assert.Equal("line 2", failure.Location);
    }

    [Fact]
    public void ATwentyMegabyteMarkdownFileIsTooLargeInsteadOfHanging()
    {
        var line = "Case study 1: *emphasis* and [a link](http://example.org) in a paragraph of an ordinary length.\n";
        var markdown = new StringBuilder(20_000_100);
        while (markdown.Length < 20_000_000)
            markdown.Append(line);

        var failure = Fail(Encoding.UTF8.GetBytes(markdown.ToString()), "huge.md", ReadFailureKind.TooLarge);

        Assert.StartsWith("The Markdown document has 20,0", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMillionBackticksFailNamingTheLineInsteadOfAnInternalError()
    {
        var failure = Fail(Encoding.ASCII.GetBytes(new string('`', 1_000_000)), "ticks.md", ReadFailureKind.TooLarge);

        Assert.Equal("line 1", failure.Location);
        Assert.Equal("Line 1 of the Markdown document is 1,000,000 characters long. Expected lines of at most 100,000 characters.", failure.Message);
    }

    [Fact]
    public void ARunOfThousandsOfBackticksOnAnOrdinaryLineFailsNamingTheLine()
    {
        var markdown = "# Briefing\n\nCase study 1: text.\n" + new string('`', 5_000) + " code " + new string('`', 5_000) + "\n";

        var failure = Fail(Encoding.ASCII.GetBytes(markdown), "ticks.md", ReadFailureKind.TooLarge);

        Assert.Equal("line 4", failure.Location);
        Assert.Contains("repeats '`' more than 1,000 times", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">")]
    [InlineData("[")]
    public void MarkdownNestedDeeperThanTheLimitFailsNamingTheLine(string opener)
    {
        var markdown = "# Briefing\n\n" + string.Concat(Enumerable.Repeat(opener, 50_000)) + " Case study 1: text.\n";

        var failure = Fail(Encoding.ASCII.GetBytes(markdown), "deep.md", ReadFailureKind.TooLarge);

        Assert.Equal("line 3", failure.Location);
        Assert.Contains("nested deeper than 512 levels", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneTenMegabyteLineOfTextFailsNamingTheLine()
    {
        var text = "Public Safety, Public Trust\n\n" + new string('x', 10 * 1024 * 1024);

        var failure = Fail(Encoding.ASCII.GetBytes(text), "line.txt", ReadFailureKind.TooLarge);

        Assert.Equal("line 3", failure.Location);
        Assert.StartsWith("Line 3 of the plain text document is 10,485,760 characters long.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BytesThatAreNeitherUtf8NorWindows1252TextFailNamingTheFirstInvalidByte()
    {
        var bytes = new byte[4096];
        new Random(12).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)(0xC0 | (bytes[i] & 0x3F)); // lead bytes with no continuation: never valid UTF-8
        var text = Encoding.ASCII.GetBytes("Case study 1: ").Concat(bytes).ToArray();

        var failure = Fail(text, "mojibake.txt", ReadFailureKind.UnsupportedFormat);

        Assert.Equal("byte 14", failure.Location);
        Assert.Contains("not UTF-8 text", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("ab")]
    public void OneAndTwoByteFilesAreEmpty(string content)
    {
        var failure = Fail(Encoding.ASCII.GetBytes(content), "tiny.md", ReadFailureKind.Empty);

        Assert.StartsWith($"The document is only {content.Length} byte", failure.Message, StringComparison.Ordinal);
    }

    private static ReadFailure Fail(byte[] content, string name, ReadFailureKind kind)
    {
        var result = BriefingReader.Default.Read(content, name);

        Assert.False(result.Success, "Expected the document to be refused.");
        Assert.Equal(kind, result.Failure!.Kind);
        Assert.StartsWith(name, result.Failure.ToString(), StringComparison.Ordinal);
        return result.Failure;
    }
}
