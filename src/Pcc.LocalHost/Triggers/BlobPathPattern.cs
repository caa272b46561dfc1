using System.Text.RegularExpressions;

namespace Pcc.LocalHost.Triggers;

/// <summary>
/// A blob trigger path such as <c>briefings/{name}</c>: the container, then a blob-name pattern whose <c>{tokens}</c>
/// become metadata (https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-blob-trigger#blob-name-patterns).
/// </summary>
public sealed class BlobPathPattern
{
    private readonly string _namePattern;
    private readonly Regex _name;
    private readonly string[] _tokens;

    private BlobPathPattern(string container, string namePattern)
    {
        Container = container;
        _namePattern = namePattern;
        var tokenStart = namePattern.IndexOf('{');
        Prefix = tokenStart < 0 ? namePattern : namePattern[..tokenStart];
        _tokens = Regex.Matches(namePattern, @"\{(\w+)\}").Select(m => m.Groups[1].Value).ToArray();
        var regex = Regex.Replace(Regex.Escape(namePattern).Replace(@"\{", "{"), @"\{(\w+)}", "(?<$1>.+?)");
        _name = new Regex("^" + regex + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>The container to watch.</summary>
    public string Container { get; }

    /// <summary>The literal start of every matching blob name, used as the listing prefix.</summary>
    public string Prefix { get; }

    /// <summary>Parses <c>container/pattern</c>; a bare container matches every blob in it.</summary>
    public static BlobPathPattern Parse(string path)
    {
        var parts = path.Split('/', 2);
        return new BlobPathPattern(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : "{blobName}");
    }

    /// <summary>The token values when <paramref name="blobName"/> matches, otherwise null.</summary>
    public IReadOnlyDictionary<string, string>? Match(string blobName)
    {
        var match = _name.Match(blobName);
        return match.Success ? _tokens.Distinct().ToDictionary(t => t, t => match.Groups[t].Value) : null;
    }
}
