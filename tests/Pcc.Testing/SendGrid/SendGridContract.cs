using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pcc.Testing.SendGrid;

/// <summary>
/// The v3 Mail Send body rules the fake enforces, as documented in the Mail Send API reference and
/// "Mail Send errors" (twilio.com/docs/sendgrid/api-reference/mail-send/errors). Each violation is a
/// (message, field) pair, the shape SendGrid answers 400 with.
/// </summary>
internal static partial class SendGridContract
{
    public const int MaxPersonalizations = 1000;
    public const int MaxRecipients = 1000;
    public const int MaxSubstitutionBytes = 10_000;

    private static readonly HashSet<string> s_reservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "x-sg-id", "x-sg-eid", "received", "dkim-signature", "Content-Type", "Content-Transfer-Encoding",
        "To", "From", "Subject", "Reply-To", "CC", "BCC",
    };

    public static List<(string Message, string? Field)> Check(JsonElement root)
    {
        var errors = new List<(string, string?)>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(("The request body must be a JSON object.", null));
            return errors;
        }

        CheckPersonalizations(root, errors);
        CheckFrom(root, errors);
        CheckContent(root, errors);
        CheckHeaders(root, "headers", errors);
        CheckCategories(root, errors);
        return errors;
    }

    private static void CheckPersonalizations(JsonElement root, List<(string, string?)> errors)
    {
        if (!root.TryGetProperty("personalizations", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            errors.Add(("You must have at least one personalization.", "personalizations"));
            return;
        }

        if (items.GetArrayLength() > MaxPersonalizations)
        {
            errors.Add(($"The personalization block is limited to 1000 personalizations per API request. You have provided {items.GetArrayLength()} personalizations.", "personalizations"));
        }

        var topSubject = root.TryGetProperty("subject", out var subject) && subject.ValueKind == JsonValueKind.String && subject.GetString()!.Length > 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var recipients = 0;
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var at = $"personalizations.{index++}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(("Each personalization must be an object.", at));
                continue;
            }

            if (!item.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.Array || to.GetArrayLength() == 0)
            {
                errors.Add(("The to array is required for all personalization objects, and must have at least one email object with a valid email address.", $"{at}.to"));
            }
            else
            {
                foreach (var field in new[] { "to", "cc", "bcc" })
                {
                    if (item.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var address in list.EnumerateArray())
                        {
                            recipients++;
                            var email = Text(address, "email");
                            if (email is null || !IsEmail(email))
                            {
                                errors.Add(("Does not contain a valid address.", $"{at}.{field}.email"));
                            }
                            else if (!seen.Add(email))
                            {
                                errors.Add(("Each unique email address in the personalizations array should only be included once.", $"{at}.{field}.email"));
                            }
                        }
                    }
                }
            }

            if (!topSubject && Text(item, "subject") is not { Length: > 0 })
            {
                errors.Add(("The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.", "subject"));
            }

            CheckHeaders(item, $"{at}.headers", errors, "headers");
            CheckSubstitutions(item, at, errors);
        }

        if (recipients > MaxRecipients)
        {
            errors.Add(("There is a limit of 1000 total recipients (to + cc + bcc) per request.", "personalizations"));
        }
    }

    private static void CheckSubstitutions(JsonElement item, string at, List<(string, string?)> errors)
    {
        if (!item.TryGetProperty("substitutions", out var substitutions))
        {
            return;
        }

        if (substitutions.ValueKind != JsonValueKind.Object)
        {
            errors.Add(("Substitutions must be an object of strings.", $"{at}.substitutions"));
            return;
        }

        var bytes = 0;
        foreach (var pair in substitutions.EnumerateObject())
        {
            if (pair.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(("Substitution values must be strings.", $"{at}.substitutions"));
                return;
            }

            bytes += Encoding.UTF8.GetByteCount(pair.Name) + Encoding.UTF8.GetByteCount(pair.Value.GetString()!);
        }

        if (bytes > MaxSubstitutionBytes)
        {
            errors.Add(($"The total size of substitutions cannot exceed {MaxSubstitutionBytes} bytes per personalization.", $"{at}.substitutions"));
        }
    }

    private static void CheckFrom(JsonElement root, List<(string, string?)> errors)
    {
        if (!root.TryGetProperty("from", out var from) || Text(from, "email") is not { } email)
        {
            errors.Add(("The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.", "from"));
        }
        else if (!IsEmail(email))
        {
            errors.Add(("The from email does not contain a valid address.", "from.email"));
        }
    }

    private static void CheckContent(JsonElement root, List<(string, string?)> errors)
    {
        if (!root.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array || content.GetArrayLength() == 0)
        {
            errors.Add(("Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block.", "content"));
            return;
        }

        var types = new List<string>();
        var index = 0;
        foreach (var part in content.EnumerateArray())
        {
            var type = Text(part, "type");
            if (type is not { Length: > 0 } || Text(part, "value") is not { Length: > 0 })
            {
                errors.Add(("Every content block needs a type and a non-empty value.", $"content.{index}"));
            }
            else
            {
                types.Add(type);
            }

            index++;
        }

        var plain = types.FindIndex(t => t.Equals("text/plain", StringComparison.OrdinalIgnoreCase));
        var html = types.FindIndex(t => t.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        if (plain > 0 || (html >= 0 && plain > html))
        {
            errors.Add(("If present, text/plain and text/html may only be provided in order, text/plain first.", "content"));
        }
    }

    private static void CheckHeaders(JsonElement owner, string field, List<(string, string?)> errors, string property = "headers")
    {
        if (!owner.TryGetProperty(property, out var headers))
        {
            return;
        }

        if (headers.ValueKind != JsonValueKind.Object)
        {
            errors.Add(("Headers must be an object of strings.", field));
            return;
        }

        foreach (var header in headers.EnumerateObject())
        {
            if (header.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(("Invalid type. Expected: string, given: " + header.Value.ValueKind + ".", $"{field}.{header.Name}"));
            }
            else if (s_reservedHeaders.Contains(header.Name))
            {
                errors.Add(($"The header '{header.Name}' is reserved and may not be set in headers.", $"{field}.{header.Name}"));
            }
        }
    }

    private static void CheckCategories(JsonElement root, List<(string, string?)> errors)
    {
        if (!root.TryGetProperty("categories", out var categories))
        {
            return;
        }

        if (categories.ValueKind != JsonValueKind.Array || categories.GetArrayLength() > 10
            || categories.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String || c.GetString()!.Length > 255))
        {
            errors.Add(("Categories must be at most 10 strings of at most 255 characters.", "categories"));
        }
    }

    private static string? Text(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool IsEmail(string address) => EmailPattern().IsMatch(address);

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
    private static partial Regex EmailPattern();
}
