namespace Pcc.Briefings.Reading.Pdf;

/// <summary>A line of text on a page: its baseline, dominant font size, whether it is set in bold throughout, and how many raised footnote marks were left out.</summary>
internal sealed record TextLine(string Text, double Y, double FontSize, bool IsBold, int MarksRemoved = 0);
