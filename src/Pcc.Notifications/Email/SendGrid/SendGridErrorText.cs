using System.Net;
using System.Text.Json;

namespace Pcc.Notifications.Email.SendGrid;

/// <summary>
/// Turns a refused Mail Send response into one line for the delivery ledger. SendGrid answers errors with
/// <c>{"errors":[{"message":"...","field":"...","help":"..."}]}</c>; anything else is quoted as it came.
/// </summary>
/// <remarks>
/// Kept because the SendGrid library's own error reporting (<c>HttpErrorAsException</c>) keeps only the first error
/// and hands it back as a JSON string in an exception message; the ledger should show every reason SendGrid gave.
/// </remarks>
internal static class SendGridErrorText
{
    private const int MaxLength = 1000;

    public static string Describe(HttpStatusCode status, string body)
    {
        var prefix = $"{(int)status} {status}";
        var messages = ReadMessages(body);
        var text = messages.Count > 0 ? $"{prefix}: {string.Join("; ", messages)}"
            : string.IsNullOrWhiteSpace(body) ? prefix
            : $"{prefix}: {body.Trim()}";
        return text.Length <= MaxLength ? text : text[..MaxLength] + "…";
    }

    private static List<string> ReadMessages(string body)
    {
        var messages = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errors.EnumerateArray())
                {
                    var message = Text(error, "message");
                    var field = Text(error, "field");
                    if (message is not null)
                    {
                        messages.Add(field is null ? message : $"{message} ({field})");
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not SendGrid's error shape (a proxy's HTML page, say): the caller quotes the body instead.
        }

        return messages;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
