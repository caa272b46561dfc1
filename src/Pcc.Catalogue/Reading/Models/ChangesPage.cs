namespace Pcc.Catalogue.Reading.Models;

/// <summary>One page of changes, oldest first, and the continuation that reads the next page (null on the last).</summary>
public sealed record ChangesPage(IReadOnlyList<ChangeView> Changes, string? Continuation);
