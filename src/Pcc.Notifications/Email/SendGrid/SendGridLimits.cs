using System.Text;

namespace Pcc.Notifications.Email.SendGrid;

/// <summary>Limits of the v3 Mail Send API, checked before a request is made.</summary>
/// <remarks>
/// Sources: Mail Send API reference (personalizations, substitutions, categories, total size) and
/// "Mail Send errors" (twilio.com/docs/sendgrid/api-reference/mail-send/errors). The substitution-tags guide quotes
/// 50,000 bytes per personalization; the API reference's 10,000 is the stricter and is used here.
/// </remarks>
internal static class SendGridLimits
{
    public const int MaxPersonalizations = 1000;
    public const int MaxSubstitutionBytes = 10_000;
    public const long MaxRequestBytes = 30L * 1024 * 1024;
    public const int MaxCategoryLength = 255;

    /// <summary>The UTF-8 size of a personalization's substitutions, keys and values, as SendGrid counts them.</summary>
    public static int SubstitutionBytes(EmailRecipient recipient) =>
        recipient.Substitutions.Sum(s => Encoding.UTF8.GetByteCount(s.Key) + Encoding.UTF8.GetByteCount(s.Value));
}
