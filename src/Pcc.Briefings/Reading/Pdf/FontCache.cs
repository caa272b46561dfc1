using UglyToad.PdfPig.Tokens;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>Font decoders for one document, built once per font dictionary and shared by the pages that use it.</summary>
internal sealed class FontCache(PdfObjects objects, Func<StreamToken, byte[]> decodeStream, CancellationToken cancellationToken)
{
    private readonly Dictionary<DictionaryToken, PdfFontDecoder> _fonts = new(ReferenceEqualityComparer.Instance);

    public IEnumerable<PdfFontDecoder> Fonts => _fonts.Values;

    public PdfFontDecoder Get(DictionaryToken font)
    {
        if (!_fonts.TryGetValue(font, out var decoder))
        {
            decoder = PdfFontDecoder.Create(font, objects, decodeStream, cancellationToken);
            _fonts[font] = decoder;
        }
        return decoder;
    }
}
