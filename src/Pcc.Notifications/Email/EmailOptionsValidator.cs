using Microsoft.Extensions.Options;
using Pcc.Platform.Configuration;
using Pcc.Notifications.Email.SendGrid;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Notifications.Email;

/// <summary>
/// Checks the <c>Email</c> settings when the app starts: the sender, and for SendGrid its API key, which has no safe
/// default (without it every digest would fail at send time, hours after a deployment).
/// </summary>
public sealed class EmailOptionsValidator(IOptions<SendGridOptions> sendGrid) : IValidateOptions<EmailOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EmailOptions options) =>
        new OptionsChecks(EmailOptions.SectionName)
            .Check(!EmailAddressRule.TryNormalise(options.FromAddress, out _, out _), nameof(options.FromAddress), $"must be an email address (it is '{options.FromAddress}').")
            .Check(!Enum.IsDefined(options.Transport), nameof(options.Transport), $"must be Smtp or SendGrid (it is '{options.Transport}').")
            .Check(options.Transport == EmailTransportKind.SendGrid && string.IsNullOrWhiteSpace(sendGrid.Value.ApiKey), "SendGrid:ApiKey",
                "must be set when Email:Transport is SendGrid (a key with the Mail Send scope; in Azure a Key Vault reference).")
            .Result();
}
