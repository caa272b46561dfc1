using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MimeKit;

namespace Pcc.Notifications.Subscriptions;

/// <summary>
/// What the service accepts as a subscriber's address, and its normal form. Deliberately narrower than RFC 5322:
/// a dot-atom local part in ASCII (no quoted strings, comments or display names), one <c>@</c>, and a domain name with
/// at least two labels. The local part keeps its case (RFC 5321 leaves it to the receiving server); the domain is
/// lower-cased and internationalised domains are stored in their ASCII (punycode) form.
/// </summary>
public static class EmailAddressRule
{
    /// <summary>The longest address a path in SMTP can carry (RFC 5321 section 4.5.3.1.3, less the angle brackets).</summary>
    public const int MaxLength = 254;

    /// <summary>The longest local part (RFC 5321 section 4.5.3.1.1).</summary>
    public const int MaxLocalPartLength = 64;

    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";
    private static readonly IdnMapping s_idn = new() { UseStd3AsciiRules = true };

    /// <summary>Normalises <paramref name="input"/>, or says in one sentence why it is not an address we accept.</summary>
    public static bool TryNormalise(string? input, [NotNullWhen(true)] out string? address, [NotNullWhen(false)] out string? problem)
    {
        address = null;
        problem = Check(input?.Trim() ?? "", out var normalised);
        if (problem is not null)
        {
            return false;
        }

        // A last check with MimeKit's parser: it must read the same single address back, without a display name.
        if (!MailboxAddress.TryParse(normalised, out var parsed) || !string.IsNullOrEmpty(parsed.Name)
            || !string.Equals(parsed.Address, normalised, StringComparison.Ordinal))
        {
            problem = "This is not a valid email address.";
            return false;
        }

        address = normalised;
        return true;
    }

    private static string? Check(string candidate, out string normalised)
    {
        normalised = "";
        if (candidate.Length == 0)
        {
            return "An email address is required.";
        }

        if (candidate.Length > MaxLength)
        {
            return $"An email address has at most {MaxLength} characters.";
        }

        var at = candidate.IndexOf('@');
        if (at <= 0 || at != candidate.LastIndexOf('@') || at == candidate.Length - 1)
        {
            return "An email address has exactly one @ with text either side, such as name@example.org.";
        }

        var local = candidate[..at];
        if (local.Length > MaxLocalPartLength || !IsDotAtom(local))
        {
            return $"The part before the @ may have up to {MaxLocalPartLength} letters, digits, single dots (not first or last) and {AtomSpecials}";
        }

        if (!TryNormaliseDomain(candidate[(at + 1)..], out var domain))
        {
            return "The part after the @ must be a domain name with a dot, such as example.org.";
        }

        normalised = local + "@" + domain;
        return normalised.Length > MaxLength ? $"An email address has at most {MaxLength} characters." : null;
    }

    private static bool IsDotAtom(string local) =>
        local[0] != '.' && local[^1] != '.' && !local.Contains("..", StringComparison.Ordinal)
        && local.All(c => char.IsAsciiLetterOrDigit(c) || c == '.' || AtomSpecials.Contains(c));

    private static bool TryNormaliseDomain(string domain, out string normalised)
    {
        normalised = "";
        if (domain.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        try
        {
            normalised = s_idn.GetAscii(domain.ToLowerInvariant()).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return false;
        }

        var labels = normalised.Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            && !labels[^1].All(char.IsAsciiDigit);
    }
}
