namespace Pcc.Briefings.Reading;

/// <summary>Where a piece of text came from in its document: a 1-based line and, for paged documents, a 1-based page.</summary>
public readonly record struct SourceLocation(int? Line, int? Page = null)
{
    /// <summary>
    /// The 1-based paragraph number, for documents that have paragraphs but no lines (Word documents).
    /// </summary>
    public int? Paragraph { get; init; }

    /// <summary>The 1-based column of a page set in columns, whose lines are then numbered within the column.</summary>
    public int? Column { get; init; }

    /// <summary>A location in a document without pages.</summary>
    public static SourceLocation AtLine(int line) => new(line);

    /// <summary>A location on a page, optionally at a line of that page.</summary>
    public static SourceLocation OnPage(int page, int? line = null) => new(line, page);

    /// <summary>A location in a document made of paragraphs rather than lines.</summary>
    public static SourceLocation AtParagraph(int paragraph) => new(null) { Paragraph = paragraph };

    /// <inheritdoc />
    public override string ToString() => (Page, Line, Paragraph) switch
    {
        ({ } page, { } line, _) when Column is { } column => $"page {page}, column {column}, line {line}",
        ({ } page, { } line, _) => $"page {page}, line {line}",
        ({ } page, null, { } paragraph) => $"page {page}, paragraph {paragraph}",
        ({ } page, null, null) => $"page {page}",
        (null, { } line, _) => $"line {line}",
        (null, null, { } paragraph) => $"paragraph {paragraph}",
        _ => "start of document",
    };
}
