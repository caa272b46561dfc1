namespace Pcc.Catalogue.Search;

/// <summary>A run of text in a search result; <paramref name="Match"/> runs are shown highlighted.</summary>
public sealed record TextRun(string Text, bool Match);
