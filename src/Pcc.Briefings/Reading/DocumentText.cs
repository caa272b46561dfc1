namespace Pcc.Briefings.Reading;

/// <summary>A document read into blocks, with what the reader noticed but could work around.</summary>
/// <param name="Name">The document's name (file or blob name) as given to the reader.</param>
/// <param name="Format">The format the bytes were read as.</param>
/// <param name="Blocks">Headings and paragraphs in reading order.</param>
/// <param name="Warnings">Problems that did not stop reading, each naming its location.</param>
public sealed record DocumentText(string Name, DocumentFormat Format, IReadOnlyList<DocumentBlock> Blocks, IReadOnlyList<string> Warnings)
{
    /// <summary>Footnote marks the reader left out because the document sets them as such (raised PDF text, Word superscript, HTML &lt;sup&gt;).</summary>
    public int FootnoteMarksRemoved { get; init; }
}
