using Microsoft.Extensions.Options;
using Pcc.Notifications.Email;
using Pcc.Notifications.Email.Smtp;
using Pcc.Testing;

namespace Pcc.Notifications.Tests.Smtp;

public sealed class SmtpTransportTests(MailDevFixture fixture) : IClassFixture<MailDevFixture>
{
    private MailDev MailDev => fixture.MailDev;

    [Fact]
    public async Task EachRecipientReceivesTheirOwnMessageWithTextHtmlAndUnsubscribeHeaders()
    {
        string[] readers = [MailDevFixture.UniqueAddress("ann"), MailDevFixture.UniqueAddress("bob")];
        var batch = Batch(readers) with
        {
            Headers = new Dictionary<string, string> { ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click" },
            Category = "daily-digest",
        };

        var results = await Transport().SendAsync(batch);

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Accepted, r.Status));
        Assert.Equal(readers, results.Select(r => r.To));
        for (var i = 0; i < readers.Length; i++)
        {
            var message = await MailDev.WaitForAsync(readers[i]);
            Assert.Equal([readers[i]], message.To);
            Assert.Equal(["digest@pcc.example.org"], message.From);
            Assert.Equal($"Digest for Reader {i}", message.Subject);
            Assert.Contains($"Hello Reader {i}", message.Text);
            Assert.Contains($"Unsubscribe: {Unsubscribe(readers[i])}", message.Text);
            Assert.Contains($"<a href=\"{Unsubscribe(readers[i])}\">", message.Html);
            Assert.Equal($"<{Unsubscribe(readers[i])}>", message.Header("List-Unsubscribe"));
            Assert.Equal("List-Unsubscribe=One-Click", message.Header("List-Unsubscribe-Post"));
            Assert.Equal("daily-digest", message.Header("X-Category"));
            Assert.Contains("multipart/alternative", message.Header("Content-Type"));
            Assert.Equal(results[i].Detail, message.Header("Message-ID"));
        }
    }

    [Fact]
    public async Task NonAsciiTextArrivesIntact()
    {
        const string text = "Dyfed-Powys – £2.50 ‘quoted’";
        var reader = MailDevFixture.UniqueAddress();
        var batch = new EmailBatch(new EmailAddress("digest@pcc.example.org", "Comisiynydd – Dyfed-Powys"), text, $"<p>{text}</p>", text, [new EmailRecipient(new EmailAddress(reader, "Siân"))]);

        var results = await Transport().SendAsync(batch);

        Assert.Equal(DeliveryStatus.Accepted, Assert.Single(results).Status);
        var message = await MailDev.WaitForAsync(reader);
        Assert.Equal(text, message.Subject);
        Assert.Equal(text, message.Text?.TrimEnd());
        Assert.Contains($"<p>{text}</p>", message.Html);
    }

    [Fact]
    public async Task AServerThatIsDownDefersEveryRecipient()
    {
        var closed = FreePort.Next();
        var transport = new SmtpTransport(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = closed }));

        var results = await transport.SendAsync(Batch([MailDevFixture.UniqueAddress(), MailDevFixture.UniqueAddress()]));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Deferred, r.Status));
        Assert.StartsWith("not attempted", results[1].Detail);
    }

    [Fact]
    public async Task AReservedHeaderFailsTheBatchLocallyAsItWouldOnSendGrid()
    {
        var reader = MailDevFixture.UniqueAddress();
        var batch = Batch([reader]) with { Headers = new Dictionary<string, string> { ["Subject"] = "sneaky" } };

        var results = await Transport().SendAsync(batch);

        Assert.Equal(DeliveryStatus.Failed, Assert.Single(results).Status);
        Assert.Empty(await MailDev.ListToAsync(reader));
    }

    private SmtpTransport Transport() =>
        new(Options.Create(new SmtpOptions { Host = MailDev.Host, Port = MailDev.SmtpPort }));

    private static EmailBatch Batch(IReadOnlyList<string> readers) => new(
        new EmailAddress("digest@pcc.example.org", "Policing Innovation Digest"),
        "Digest for -name-",
        "<p>Hello -name-</p><p><a href=\"-unsubscribeUrl-\">Unsubscribe</a></p>",
        "Hello -name-\nUnsubscribe: -unsubscribeUrl-",
        [.. readers.Select((address, i) => new EmailRecipient(new EmailAddress(address))
        {
            Substitutions = new Dictionary<string, string> { ["-name-"] = $"Reader {i}", ["-unsubscribeUrl-"] = Unsubscribe(address) },
            Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = $"<{Unsubscribe(address)}>" },
        })]);

    private static string Unsubscribe(string address) => $"https://pcc.example.org/unsubscribe?token={Uri.EscapeDataString(address)}";
}
