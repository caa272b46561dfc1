namespace Pcc.Briefings.Reading;

/// <summary>The format the bytes were found to be, and a note when the name suggested another one.</summary>
/// <param name="Format">The format to read the bytes as.</param>
/// <param name="Warning">Set when the file name's extension disagrees with the content.</param>
public sealed record FormatDetection(DocumentFormat Format, string? Warning);
