namespace Pcc.Briefings.Reading;

/// <summary>
/// A heading or paragraph as the document lays it out. Lines are kept as they appear (wrapping included)
/// because a labelled case study can begin at the start of any line inside a paragraph.
/// </summary>
/// <param name="Kind">Heading or paragraph.</param>
/// <param name="Lines">The block's text lines, in order, without line terminators.</param>
/// <param name="Location">Where the block's first line is.</param>
public sealed record DocumentBlock(BlockKind Kind, IReadOnlyList<string> Lines, SourceLocation Location)
{
    /// <summary>The lines joined with single spaces.</summary>
    public string Text => string.Join(' ', Lines);
}
