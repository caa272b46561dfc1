using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Extraction;

/// <summary>One line of text and where it is.</summary>
internal readonly record struct UnitLine(string Text, SourceLocation Location);
