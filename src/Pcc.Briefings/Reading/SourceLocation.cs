namespace Pcc.Briefings.Reading;

/// <summary>Where a piece of text came from in its document: a 1-based line and, for paged documents, a 1-based page.</summary>
public readonly record struct SourceLocation(int? Line, int? Page = null)
{
    /// <summary>A location in a document without pages.</summary>
    public static SourceLocation AtLine(int line) => new(line);

    /// <summary>A location on a page, optionally at a line of that page.</summary>
    public static SourceLocation OnPage(int page, int? line = null) => new(line, page);

    /// <inheritdoc />
    public override string ToString() => (Page, Line) switch
    {
        ({ } page, { } line) => $"page {page}, line {line}",
        ({ } page, null) => $"page {page}",
        (null, { } line) => $"line {line}",
        _ => "start of document",
    };
}
