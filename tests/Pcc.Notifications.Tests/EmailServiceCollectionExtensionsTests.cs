using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.SendGrid;
using Pcc.Notifications.Email.Smtp;
using Pcc.Notifications.Email.Webhooks;
using Pcc.Testing.SendGrid;

namespace Pcc.Notifications.Tests;

public sealed class EmailServiceCollectionExtensionsTests
{
    [Fact]
    public void WithoutSettingsMailGoesOverSmtpToALocalMailDev()
    {
        using var services = Build([]);

        Assert.IsType<SmtpTransport>(services.GetRequiredService<IEmailTransport>());
        var smtp = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        Assert.Equal(("127.0.0.1", 1025), (smtp.Host, smtp.Port));
        Assert.Equal(EmailTransportKind.Smtp, services.GetRequiredService<IOptions<EmailOptions>>().Value.Transport);
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void TransportSendGridSelectsSendGridWithItsSettings()
    {
        using var services = Build(new()
        {
            ["Email:Transport"] = "SendGrid",
            ["Email:FromAddress"] = "digest@pcc.example.org",
            ["Email:SendGrid:ApiKey"] = "SG.from-settings",
            ["Email:SendGrid:SandboxMode"] = "true",
            ["Email:SendGrid:MaxAttempts"] = "6",
            ["Email:SendGrid:Timeout"] = "00:00:10",
        });

        Assert.IsType<SendGridTransport>(services.GetRequiredService<IEmailTransport>());
        var options = services.GetRequiredService<IOptions<SendGridOptions>>().Value;
        Assert.Equal(("SG.from-settings", true, 6, TimeSpan.FromSeconds(10)), (options.ApiKey, options.SandboxMode, options.MaxAttempts, options.Timeout));
        Assert.Equal(new Uri("https://api.sendgrid.com"), options.BaseUri);
        Assert.Equal(1000, options.MaxPersonalizationsPerRequest);
        Assert.Equal("digest@pcc.example.org", services.GetRequiredService<IOptions<EmailOptions>>().Value.From.Address);
        Assert.NotNull(services.GetRequiredService<SendGridWebhookVerifier>());
    }

    [Fact]
    public async Task TheRegisteredSendGridClientRetriesAServerErrorAndAnAttemptWithNoAnswer()
    {
        await using var fake = await SendGridFake.StartAsync();
        using var services = Build(new()
        {
            ["Email:Transport"] = "SendGrid",
            ["Email:SendGrid:ApiKey"] = fake.ApiKey,
            ["Email:SendGrid:BaseUri"] = fake.BaseUri.ToString(),
            // Long enough for a loaded machine to answer the 503 within it; the hung attempt waits it out once.
            ["Email:SendGrid:Timeout"] = "00:00:03",
            ["Email:SendGrid:RetryBaseDelay"] = "00:00:00.010",
        });
        fake.ServerError(1, status: 503);
        fake.Hang(1);
        var batch = new EmailBatch(new EmailAddress("digest@pcc.example.org"), "Digest", "<p>Hi</p>", "Hi", [new EmailRecipient(new EmailAddress("reader@example.org"))]);

        var results = await services.GetRequiredService<IEmailTransport>().SendAsync(batch);

        Assert.Equal(DeliveryStatus.Accepted, Assert.Single(results).Status);
        Assert.Equal(202, fake.Requests[^1].Status);
        Assert.Equal(503, fake.Requests[0].Status);
    }

    [Fact]
    public void SendGridWithoutAnApiKeySaysWhichSettingIsMissing()
    {
        using var services = Build(new() { ["Email:Transport"] = "SendGrid" });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IEmailTransport>());
        Assert.Contains("Email:SendGrid:ApiKey", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddEmail(configuration).BuildServiceProvider();
    }
}
