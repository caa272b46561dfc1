using Microsoft.Extensions.Options;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.Smtp;

namespace Pcc.Notifications.Tests.Smtp;

public sealed class SmtpRefusalTests
{
    [Fact]
    public async Task ARecipientRefusedForGoodFailsOneRefusedForNowIsDeferredAndTheRestAreSent()
    {
        await using var server = new RefusingSmtpServer();
        var transport = new SmtpTransport(Options.Create(new SmtpOptions { Port = server.Port, Timeout = TimeSpan.FromSeconds(10) }));
        string[] readers = ["ann@example.org", "refused@example.org", "busy@example.org", "bob@example.org"];
        var batch = new EmailBatch(new EmailAddress("digest@pcc.example.org"), "Digest", "<p>Hi</p>", "Hi",
            [.. readers.Select(r => new EmailRecipient(new EmailAddress(r)))]);

        var results = await transport.SendAsync(batch);

        Assert.Equal([DeliveryStatus.Accepted, DeliveryStatus.Failed, DeliveryStatus.Deferred, DeliveryStatus.Accepted], results.Select(r => r.Status));
        Assert.Contains("No such mailbox", results[1].Detail);
        Assert.Equal(2, server.Delivered);
    }
}
