using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pcc.Notifications.Email.SendGrid;

/// <summary>
/// Writes a v3 Mail Send body (POST /v3/mail/send, twilio.com/docs/sendgrid/api-reference/mail-send/mail-send):
/// one personalization per recipient with their <c>to</c>, <c>substitutions</c> and <c>headers</c>; shared
/// <c>from</c>, <c>subject</c>, <c>content</c> (text/plain before text/html, as the API requires), <c>headers</c>,
/// <c>categories</c> and <c>mail_settings.sandbox_mode</c>.
/// </summary>
internal static class SendGridRequestWriter
{
    // The body goes to an API, never into a page: non-ASCII and HTML characters need no escaping, which keeps it small.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(EmailBatch batch, IEnumerable<EmailRecipient> recipients, bool sandboxMode)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, s_options))
        {
            json.WriteStartObject();
            json.WriteStartArray("personalizations");
            foreach (var recipient in recipients)
            {
                WritePersonalization(json, recipient);
            }

            json.WriteEndArray();
            json.WritePropertyName("from");
            WriteAddress(json, batch.From);
            json.WriteString("subject", batch.Subject);
            WriteContent(json, batch);
            WriteStrings(json, "headers", batch.Headers);
            if (!string.IsNullOrEmpty(batch.Category))
            {
                json.WriteStartArray("categories");
                json.WriteStringValue(batch.Category);
                json.WriteEndArray();
            }

            if (sandboxMode)
            {
                json.WriteStartObject("mail_settings");
                json.WriteStartObject("sandbox_mode");
                json.WriteBoolean("enable", true);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>The UTF-8 size of a personalization's substitutions, keys and values, as SendGrid counts them.</summary>
    public static int SubstitutionBytes(EmailRecipient recipient) =>
        recipient.Substitutions.Sum(s => Encoding.UTF8.GetByteCount(s.Key) + Encoding.UTF8.GetByteCount(s.Value));

    private static void WritePersonalization(Utf8JsonWriter json, EmailRecipient recipient)
    {
        json.WriteStartObject();
        json.WriteStartArray("to");
        WriteAddress(json, recipient.To);
        json.WriteEndArray();
        WriteStrings(json, "substitutions", recipient.Substitutions);
        WriteStrings(json, "headers", recipient.Headers);
        json.WriteEndObject();
    }

    private static void WriteContent(Utf8JsonWriter json, EmailBatch batch)
    {
        json.WriteStartArray("content");
        foreach (var (type, value) in new[] { ("text/plain", batch.Text), ("text/html", batch.Html) })
        {
            // The API refuses empty content values, so a missing part is left out rather than sent blank.
            if (!string.IsNullOrEmpty(value))
            {
                json.WriteStartObject();
                json.WriteString("type", type);
                json.WriteString("value", value);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
    }

    private static void WriteAddress(Utf8JsonWriter json, EmailAddress address)
    {
        json.WriteStartObject();
        json.WriteString("email", address.Address);
        if (!string.IsNullOrEmpty(address.Name))
        {
            json.WriteString("name", address.Name);
        }

        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        json.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }
}
