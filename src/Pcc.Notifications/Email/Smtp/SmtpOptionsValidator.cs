using Microsoft.Extensions.Options;
using Pcc.Platform.Configuration;

namespace Pcc.Notifications.Email.Smtp;

/// <summary>Checks the <c>Email:Smtp</c> settings when the app starts.</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SmtpOptions options) =>
        new OptionsChecks(SmtpOptions.SectionName)
            .Required(options.Host, nameof(options.Host), "the SMTP server's host name or address.")
            .InRange(options.Port, nameof(options.Port), 1, 65535)
            .Positive(options.Timeout, nameof(options.Timeout))
            .Result();
}
