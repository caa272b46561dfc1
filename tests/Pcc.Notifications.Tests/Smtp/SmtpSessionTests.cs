using MailKit.Security;
using Microsoft.Extensions.Options;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.Smtp;

namespace Pcc.Notifications.Tests.Smtp;

public sealed class SmtpSessionTests
{
    [Fact]
    public async Task TheConfiguredLoginIsUsedOnceForTheWholeBatch()
    {
        await using var server = new RefusingSmtpServer(login: ("digest", "s3cret"));

        var results = await Transport(server, o => (o.UserName, o.Password) = ("digest", "s3cret")).SendAsync(Batch("ann@example.org", "bob@example.org"));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Accepted, r.Status));
        Assert.Equal(["digest:s3cret"], server.Logins);
        Assert.Equal(2, server.Delivered);
    }

    [Fact]
    public async Task ARefusedLoginFailsEveryRecipientWithoutSendingOrTryingAgain()
    {
        await using var server = new RefusingSmtpServer(login: ("digest", "s3cret"));

        var results = await Transport(server, o => (o.UserName, o.Password) = ("digest", "wrong")).SendAsync(Batch("ann@example.org", "bob@example.org"));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Failed, r.Status));
        Assert.Contains("refused the login", results[0].Detail);
        Assert.Single(server.Logins);
        Assert.Equal(0, server.Delivered);
    }

    [Theory]
    [InlineData(SecureSocketOptions.StartTls)]
    [InlineData(SecureSocketOptions.SslOnConnect)]
    public async Task AServerThatCannotSecureTheConnectionAsSetDefersTheBatchAndSendsNothing(SecureSocketOptions security)
    {
        await using var server = new RefusingSmtpServer();

        var results = await Transport(server, o => o.Security = security).SendAsync(Batch("ann@example.org", "bob@example.org"));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Deferred, r.Status));
        Assert.Contains("could not be secured", results[0].Detail);
        Assert.StartsWith("not attempted", results[1].Detail);
        Assert.Equal(0, server.Delivered);
    }

    private static SmtpTransport Transport(RefusingSmtpServer server, Action<SmtpOptions> configure)
    {
        var options = new SmtpOptions { Port = server.Port, Timeout = TimeSpan.FromSeconds(10) };
        configure(options);
        return new SmtpTransport(Options.Create(options));
    }

    private static EmailBatch Batch(params string[] readers) => new(
        new EmailAddress("digest@pcc.example.org"), "Digest", "<p>Hi</p>", "Hi", [.. readers.Select(r => new EmailRecipient(new EmailAddress(r)))]);
}
