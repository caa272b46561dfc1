using System.Globalization;

namespace Pcc.Catalogue.Ingestion.Reports;

/// <summary>Where ingest reports live in the reports container: per briefing, in time order.</summary>
public static class IngestionPaths
{
    /// <summary>The JSON report of one ingest.</summary>
    public static string Report(string slug, DateTimeOffset ingestedAt, string etag) =>
        $"{slug}/{ingestedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}-{Sanitise(etag)}.json";

    /// <summary>The JSON report's path for a file of a briefing's reports: the file itself, or the report beside a text summary.</summary>
    public static string Report(string slug, string file) => $"{slug}/{Path.ChangeExtension(file, ".json")}";

    /// <summary>The text summary beside a JSON report.</summary>
    public static string Summary(string reportPath) => Path.ChangeExtension(reportPath, ".txt");

    /// <summary>An ETag as a table key and path segment: quotes removed, anything but letters, digits and '-' dropped.</summary>
    public static string Sanitise(string etag) => new(etag.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
}
