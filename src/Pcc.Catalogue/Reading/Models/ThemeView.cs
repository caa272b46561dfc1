namespace Pcc.Catalogue.Reading.Models;

/// <summary>A theme of the catalogue, with how many current case studies it has.</summary>
public sealed record ThemeView(string Slug, string Name, IReadOnlyList<string> Aliases, int CaseStudies);
