using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Pcc.Briefings.Reading.Pdf;

/// <summary>
/// Tolerant access to a document's objects (ISO 32000-1 §7.3): indirect references are resolved through the file's
/// cross-reference data and remembered, so each indirect object is one instance for the whole read (fonts and forms
/// are keyed by instance); a value of the wrong type reads as absent. Keys and names are written without the slash.
/// </summary>
internal sealed class PdfObjects(Func<IndirectReference, IToken?> load)
{
    private const int MaxHops = 8;

    private readonly Dictionary<IndirectReference, IToken?> _loaded = [];

    public IToken? Resolve(IToken? token)
    {
        for (var hops = 0; token is IndirectReferenceToken reference && hops < MaxHops; hops++)
            token = Load(reference.Data);
        return token is IndirectReferenceToken ? null : token;
    }

    public IToken? Get(DictionaryToken? dictionary, string key) =>
        dictionary is not null && dictionary.Data.TryGetValue(key, out var token) ? Resolve(token) : null;

    public DictionaryToken? Dictionary(DictionaryToken? dictionary, string key) => Get(dictionary, key) as DictionaryToken;

    public StreamToken? Stream(DictionaryToken? dictionary, string key) => Get(dictionary, key) as StreamToken;

    public ArrayToken? Array(DictionaryToken? dictionary, string key) => Get(dictionary, key) as ArrayToken;

    public string? Name(DictionaryToken? dictionary, string key) => Get(dictionary, key) is NameToken name ? name.Data : null;

    public double? Number(DictionaryToken? dictionary, string key) => Number(Get(dictionary, key));

    public double? Number(IToken? token) => Resolve(token) is NumericToken number ? number.Data : null;

    public IEnumerable<IToken?> Items(ArrayToken? array) => array is null ? [] : array.Data.Select(Resolve);

    private IToken? Load(IndirectReference reference)
    {
        if (!_loaded.TryGetValue(reference, out var token))
        {
            token = load(reference);
            _loaded[reference] = token;
        }
        return token;
    }
}
