namespace Pcc.Briefings.Reading.Pdf;

/// <summary>One character code of a shown string: its text (empty when unknown) and advance width in text space units per unit font size.</summary>
internal readonly record struct DecodedGlyph(string Text, double Width, bool IsWordSpace);
