using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Extraction;

/// <summary>One line of text and where it is.</summary>
internal sealed record UnitLine(string Text, SourceLocation Location);
