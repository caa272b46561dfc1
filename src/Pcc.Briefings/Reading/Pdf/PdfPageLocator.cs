using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Names the page whose content stream is the object a problem was found in, so that an editor reads "page 2", not
/// "object 7". Only the page tree is read (<see cref="PageDictionaryFactory"/>), never the page's content.
/// </summary>
internal static class PdfPageLocator
{
    public static ReadFailure Locate(ReadOnlyMemory<byte> content, ReadFailure failure, int? objectNumber)
    {
        if (objectNumber is not { } target)
            return failure;
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, Password = "" });
            document.AddPageFactory(new PageDictionaryFactory());
            for (var page = 1; page <= Math.Min(document.NumberOfPages, 10_000); page++)
            {
                var contents = document.GetPage<DictionaryToken>(page).Data.GetValueOrDefault(NameToken.Contents);
                var references = contents switch
                {
                    IndirectReferenceToken single => [single],
                    ArrayToken array => array.Data.OfType<IndirectReferenceToken>().ToArray(),
                    _ => Array.Empty<IndirectReferenceToken>(),
                };
                if (references.Any(r => r.Data.ObjectNumber == target))
                    return failure with { Location = $"page {page}" };
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The object's number is still a place to look; the page tree is not needed to report the problem.
        }

        return failure;
    }
}
