namespace Pcc.Briefings.Reading.Pdf;

/// <summary>A line of text on a page: its baseline, dominant font size and whether it is set in bold throughout.</summary>
internal sealed record TextLine(string Text, double Y, double FontSize, bool IsBold);
