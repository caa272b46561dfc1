namespace Pcc.Briefings.Reading;

/// <summary>Text decoded from bytes, with the name of the encoding that was used.</summary>
internal sealed record DecodedText(string Text, string EncodingName);
