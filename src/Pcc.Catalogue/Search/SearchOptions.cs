namespace Pcc.Catalogue.Search;

/// <summary>Search's settings (section <c>Search</c>).</summary>
public sealed class SearchOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Search";

    /// <summary>A synonyms file (the format of <c>seeds/synonyms.txt</c>) that replaces the built-in list; empty for the built-in one.</summary>
    public string? SynonymsFile { get; set; }
}
