using System.Globalization;
using System.Xml.Linq;
using Pcc.Storage.Blobs.Models;

namespace Pcc.Storage.Blobs;

/// <summary>
/// Reads a List Blobs response, <c>EnumerationResults/Blobs/Blob</c> and <c>NextMarker</c>
/// (https://learn.microsoft.com/rest/api/storageservices/list-blobs).
/// </summary>
internal static class BlobListParser
{
    public static (IReadOnlyList<BlobItem> Items, string? NextMarker) Parse(Stream xml)
    {
        var root = XDocument.Load(xml).Root ?? throw new FormatException("The List Blobs response has no root element.");
        var items = root.Element("Blobs")?.Elements("Blob").Select(ReadBlob).ToList() ?? [];
        var next = root.Element("NextMarker")?.Value;
        return (items, string.IsNullOrEmpty(next) ? null : next);
    }

    private static BlobItem ReadBlob(XElement blob)
    {
        var properties = blob.Element("Properties");
        return new BlobItem
        {
            Name = ReadName(blob.Element("Name")),
            Properties = new BlobItemProperties
            {
                ETag = Text(properties, "Etag") is { } eTag ? BlobHeaders.Quoted(eTag) : null,
                LastModified = Date(properties, "Last-Modified"),
                CreatedOn = Date(properties, "Creation-Time"),
                ContentLength = long.TryParse(Text(properties, "Content-Length"), CultureInfo.InvariantCulture, out var length) ? length : null,
                ContentType = Text(properties, "Content-Type"),
                LeaseStatus = BlobHeaders.ParseEnum<LeaseStatus>(Text(properties, "LeaseStatus")),
                LeaseState = BlobHeaders.ParseEnum<LeaseState>(Text(properties, "LeaseState")),
            },
            Metadata = blob.Element("Metadata")?.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
        };
    }

    // Names with characters XML cannot carry come back percent-encoded and flagged Encoded="true".
    private static string ReadName(XElement? name) =>
        name is null ? string.Empty
        : string.Equals((string?)name.Attribute("Encoded"), "true", StringComparison.OrdinalIgnoreCase) ? Uri.UnescapeDataString(name.Value)
        : name.Value;

    private static string? Text(XElement? parent, string name) =>
        parent?.Element(name)?.Value is { Length: > 0 } value ? value : null;

    private static DateTimeOffset? Date(XElement? parent, string name) =>
        BlobHeaders.TryParseDate(Text(parent, name), out var value) ? value : null;
}
