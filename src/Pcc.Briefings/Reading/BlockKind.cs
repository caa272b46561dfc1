namespace Pcc.Briefings.Reading;

/// <summary>What a block of document text is.</summary>
public enum BlockKind
{
    /// <summary>A heading the document marks as one (HTML h1–h6, Markdown #, Word heading styles), or a short title-like line in plain text or PDF.</summary>
    Heading,
    /// <summary>Running text: one or more lines.</summary>
    Paragraph,
    /// <summary>Text set apart from the running text: a boxed sidebar or pull quote. It is never part of a case study.</summary>
    Aside,
}
