using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Tokens;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Hands back a page's dictionary (ISO 32000-1 §7.7.3.3) as PdfPig's page tree finds it, without PdfPig reading the
/// page's content or fonts: that is this reader's own work, within its decompression budget.
/// </summary>
internal sealed class PageDictionaryFactory : IPageFactory<DictionaryToken>
{
    public DictionaryToken Create(int number, DictionaryToken dictionary, PageTreeMembers pageTreeMembers, NamedDestinations namedDestinations) =>
        dictionary;
}
