using System.Text.Json;

namespace Pcc.Notifications.Email.Webhooks;

/// <summary>Reads the Event Webhook's body: a JSON array of event objects.</summary>
internal static class SendGridEventParser
{
    private static readonly Dictionary<string, SendGridEventType> s_types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["processed"] = SendGridEventType.Processed,
        ["dropped"] = SendGridEventType.Dropped,
        ["delivered"] = SendGridEventType.Delivered,
        ["deferred"] = SendGridEventType.Deferred,
        ["bounce"] = SendGridEventType.Bounce,
        ["open"] = SendGridEventType.Open,
        ["click"] = SendGridEventType.Click,
        ["spamreport"] = SendGridEventType.SpamReport,
        ["unsubscribe"] = SendGridEventType.Unsubscribe,
        ["group_unsubscribe"] = SendGridEventType.GroupUnsubscribe,
        ["group_resubscribe"] = SendGridEventType.GroupResubscribe,
    };

    /// <summary>Parses the events; an entry without an address or event name is skipped, a body that is not an array is refused.</summary>
    /// <exception cref="FormatException">The body is not a JSON array.</exception>
    public static IReadOnlyList<SendGridEvent> Parse(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The body is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"The body is a JSON {document.RootElement.ValueKind}, not an array of events.");
            }

            var events = new List<SendGridEvent>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && Text(item, "email") is { } email && Text(item, "event") is { } name)
                {
                    events.Add(new SendGridEvent(
                        email,
                        s_types.GetValueOrDefault(name, SendGridEventType.Unknown),
                        name,
                        Timestamp(item),
                        Text(item, "sg_message_id"),
                        Text(item, "reason"),
                        Text(item, "type")));
                }
            }

            return events;
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset Timestamp(JsonElement item) =>
        item.TryGetProperty("timestamp", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MinValue;
}
