namespace Pcc.Catalogue.Search;

/// <summary>The answer to a search: how many case studies matched, and the newest of them.</summary>
public sealed record SearchResults(SearchQuery Query, int Total, IReadOnlyList<SearchHit> Hits);
