using System.Security.Cryptography;
using Pcc.LocalHost;
using Pcc.Testing.App;

namespace Pcc.Functions.Tests.EmailEvents;

/// <summary>The app verifying SendGrid's Event Webhook with a key pair made for the tests, standing in for SendGrid's.</summary>
public sealed class SignedWebhookApp : AppFixture, IDisposable
{
    /// <summary>The private half of the key the app trusts: what SendGrid signs with.</summary>
    public ECDsa SendGrid { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => SendGrid.Dispose();

    protected override void Configure(LocalHostOptions options) =>
        options.Settings["Email:SendGrid:WebhookPublicKey"] = Convert.ToBase64String(SendGrid.ExportSubjectPublicKeyInfo());
}
