namespace Pcc.Catalogue.Search;

/// <summary>The answer to a search: how many case studies matched (every word or some), and the best ranked of them.</summary>
public sealed record SearchResults(SearchQuery Query, int Total, IReadOnlyList<SearchHit> Hits);
