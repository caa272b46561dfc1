namespace Pcc.Catalogue.Reading.Models;

/// <summary>A briefing as readers see it named: its <paramref name="Title"/>, and its <paramref name="Slug"/> for addresses.</summary>
public sealed record BriefingName(string Slug, string Title);
