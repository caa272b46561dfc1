using Azure;
using Azure.Core;

namespace Pcc.Storage.Blobs;

/// <summary>
/// Blob metadata travels as <c>x-ms-meta-{name}</c> headers. Names must follow the C# identifier rules; this
/// client accepts the ASCII subset (letter or '_', then letters, digits, '_'), since header names are ASCII.
/// Values must be printable ASCII, which is what HTTP headers carry unencoded.
/// </summary>
internal static class BlobMetadata
{
    private const string Prefix = "x-ms-meta-";

    public static void Validate(IDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var (name, value) in metadata)
        {
            if (!IsIdentifier(name))
            {
                throw new ArgumentException(
                    $"The metadata name '{name}' is not a valid C# identifier: use letters, digits and '_', not starting with a digit.",
                    nameof(metadata));
            }

            if (value is null || value.Any(c => c is < ' ' or > '~'))
            {
                throw new ArgumentException(
                    $"The value of metadata '{name}' must be printable ASCII text; encode other text (for example as base64) first.",
                    nameof(metadata));
            }
        }
    }

    public static void Write(Request request, IDictionary<string, string>? metadata)
    {
        Validate(metadata);
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>())
        {
            request.Headers.SetValue(Prefix + name, value);
        }
    }

    public static IDictionary<string, string> Read(Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[Prefix.Length..]] = header.Value;
            }
        }

        return metadata;
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
