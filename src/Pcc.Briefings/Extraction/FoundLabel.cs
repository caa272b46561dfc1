namespace Pcc.Briefings.Extraction;

/// <summary>A case-study label inside a paragraph's joined text: its number and where the label starts and ends.</summary>
internal sealed record FoundLabel(int Number, int Start, int End);
