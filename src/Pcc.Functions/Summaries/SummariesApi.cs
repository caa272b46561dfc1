using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Pcc.Catalogue.Summaries;

namespace Pcc.Functions.Summaries;

/// <summary><c>GET /api/summaries/{week}</c>: a stored weekly summary, as JSON or (<c>?format=html</c>, <c>Accept: text/html</c>) HTML.</summary>
public sealed partial class SummariesApi(WeeklySummaryService summaries)
{
    /// <summary>One week's summary.</summary>
    [Function("WeeklySummary")]
    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/summaries/{week}")] HttpRequest request, string week, CancellationToken cancellationToken)
    {
        var match = IsoWeek().Match(week);
        if (!match.Success
            || int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) is var number && (number < 1 || number > ISOWeek.GetWeeksInYear(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))))
        {
            return TypedResults.Problem($"'{(week.Length > 20 ? week[..20] + "…" : week)}' is not an ISO week such as 2026-W47.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid week");
        }

        string? format = request.Query["format"];
        var html = string.Equals(format, "html", StringComparison.OrdinalIgnoreCase)
            || (format is null && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase));
        return await summaries.ReadAsync(week, html, cancellationToken) is { } content
            ? TypedResults.File(content.ToArray(), html ? "text/html; charset=utf-8" : "application/json; charset=utf-8")
            : TypedResults.Problem($"There is no summary for {week}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex IsoWeek();
}
