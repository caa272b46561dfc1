using MimeKit;

namespace Pcc.Notifications.Email;

/// <summary>
/// Checks every transport applies before sending, so a message that SendGrid would refuse is refused locally too.
/// A problem is returned as text for the <see cref="DeliveryResult"/>; <c>null</c> means none.
/// </summary>
internal static class EmailRules
{
    // Headers the Mail Send API will not let "headers" override (SendGrid v3 Mail Send API reference, "headers"),
    // plus Message-ID and MIME-Version, which each transport sets itself.
    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "x-sg-id", "x-sg-eid", "received", "dkim-signature", "Content-Type", "Content-Transfer-Encoding",
        "To", "From", "Subject", "Reply-To", "CC", "BCC", "MIME-Version",
    };

    /// <summary>Whether a header name may not be set through <see cref="EmailBatch.Headers"/> or a recipient's headers.</summary>
    public static bool IsReservedHeader(string name) => s_reserved.Contains(name);

    public static string? CheckBatch(EmailBatch batch)
    {
        if (!IsValidAddress(batch.From.Address))
        {
            return $"The sender '{batch.From.Address}' is not a valid email address.";
        }

        if (string.IsNullOrWhiteSpace(batch.Subject))
        {
            return "The subject is empty.";
        }

        if (string.IsNullOrEmpty(batch.Text) && string.IsNullOrEmpty(batch.Html))
        {
            return "The message has neither a text nor an HTML part.";
        }

        return CheckHeaders(batch.Headers);
    }

    /// <summary>Checks one recipient; <paramref name="seen"/> collects addresses so a batch never mails anyone twice.</summary>
    public static string? CheckRecipient(EmailRecipient recipient, ISet<string> seen)
    {
        if (!IsValidAddress(recipient.To.Address))
        {
            return $"'{recipient.To.Address}' is not a valid email address.";
        }

        if (!seen.Add(recipient.To.Address))
        {
            return $"'{recipient.To.Address}' appears more than once in the batch; only the first is sent.";
        }

        return CheckHeaders(recipient.Headers);
    }

    /// <summary>An addr-spec with a dotted domain, nothing else (no display name, no whitespace).</summary>
    public static bool IsValidAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Any(char.IsWhiteSpace) || address.Contains('<'))
        {
            return false;
        }

        if (!MailboxAddress.TryParse(address, out var parsed) || parsed.Address != address)
        {
            return false;
        }

        var domain = parsed.Domain;
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.');
    }

    private static string? CheckHeaders(IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, value) in headers)
        {
            if (name.Length == 0 || name.Any(c => c is < '!' or > '~' or ':'))
            {
                return $"'{name}' is not a valid header name.";
            }

            if (IsReservedHeader(name))
            {
                return $"The header '{name}' is reserved and cannot be set through headers.";
            }

            // A line break in a value would let it start a new header (header injection).
            if (value.Contains('\r') || value.Contains('\n'))
            {
                return $"The value of header '{name}' contains a line break.";
            }
        }

        return null;
    }
}
