using System.Text;
using Azure;
using Pcc.Storage.Queues;
using Pcc.Testing;

namespace Pcc.Storage.Tests.Queues;

public sealed class QueueMessageTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ASentMessageIsReceivedOnceAndDeleted()
    {
        var queue = await QueueTestQueue.CreateAsync(fixture);

        var sent = await queue.SendMessageAsync("{\"briefing\":\"2026-11-23\"}");
        var received = (await queue.ReceiveMessagesAsync(maxMessages: 5)).Value;
        var message = Assert.Single(received);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        Assert.Equal(sent.Value.MessageId, message.MessageId);
        Assert.Equal("{\"briefing\":\"2026-11-23\"}", message.MessageText);
        Assert.Equal("{\"briefing\":\"2026-11-23\"}", message.Body.ToString());
        Assert.Equal(1, message.DequeueCount);
        Assert.NotNull(message.InsertedOn);
        Assert.True(message.ExpiresOn > message.InsertedOn);
        Assert.True(message.NextVisibleOn > DateTimeOffset.UtcNow);
        Assert.NotEmpty(sent.Value.PopReceipt);
        Assert.True(sent.Value.ExpirationTime > sent.Value.InsertionTime);
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task ReceivingFromAnEmptyQueueGivesNothing()
    {
        var queue = await QueueTestQueue.CreateAsync(fixture);

        Assert.Empty((await queue.ReceiveMessagesAsync()).Value);
        Assert.Null((await queue.ReceiveMessageAsync()).Value);
        Assert.Null((await queue.PeekMessageAsync()).Value);
    }

    [Fact]
    public async Task AReceivedMessageStaysHiddenUntilItsVisibilityTimeoutAndThenCountsASecondDequeue()
    {
        var queue = await QueueTestQueue.CreateAsync(fixture);
        await queue.SendMessageAsync("retry me");

        var first = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(1))).Value;
        var whileHidden = (await queue.ReceiveMessageAsync()).Value;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var second = (await queue.ReceiveMessageAsync()).Value;

        Assert.NotNull(first);
        Assert.Null(whileHidden);
        Assert.NotNull(second);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(1, first.DequeueCount);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);
    }

    [Fact]
    public async Task PeekingLeavesTheMessageVisibleAndItsDequeueCountUnchanged()
    {
        var queue = await QueueTestQueue.CreateAsync(fixture);
        await queue.SendMessageAsync("look, don't touch");

        var peeked1 = Assert.Single((await queue.PeekMessagesAsync()).Value);
        var peeked2 = (await queue.PeekMessageAsync()).Value;
        var received = (await queue.ReceiveMessageAsync()).Value;

        Assert.Equal("look, don't touch", peeked1.MessageText);
        Assert.Equal(0, peeked1.DequeueCount);
        Assert.Equal(0, peeked2!.DequeueCount);
        Assert.Equal(1, received!.DequeueCount);
        Assert.Equal(peeked1.MessageId, received.MessageId);
    }

    [Fact]
    public async Task ASendWithAVisibilityTimeoutIsHiddenAtFirst()
    {
        var queue = await QueueTestQueue.CreateAsync(fixture);

        var sent = await queue.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromSeconds(30), timeToLive: TimeSpan.FromMinutes(5));

        Assert.Null((await queue.PeekMessageAsync()).Value);
        Assert.True(sent.Value.TimeNextVisible >= sent.Value.InsertionTime.AddSeconds(29));
        Assert.Equal(sent.Value.InsertionTime.AddMinutes(5), sent.Value.ExpirationTime);
    }

    [Fact]
    public async Task AMessageCanBeSentToNeverExpire()
    {
        var queue = await QueueTestQueue.CreateAsync(fixture);

        var sent = await queue.SendMessageAsync("forever", timeToLive: TimeSpan.FromSeconds(-1));

        Assert.True(sent.Value.ExpirationTime > DateTimeOffset.UtcNow.AddYears(100));
    }

    [Fact]
    public async Task UpdatingAMessageHidesItAgainAndReplacesItsText()
    {
        var queue = await QueueTestQueue.CreateAsync(fixture);
        await queue.SendMessageAsync("attempt 1");
        var received = (await queue.ReceiveMessageAsync()).Value!;

        var updated = await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, "attempt 2", TimeSpan.FromSeconds(30));
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));
        var hidden = (await queue.PeekMessageAsync()).Value;
        await queue.UpdateMessageAsync(received.MessageId, updated.Value.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        var again = (await queue.ReceiveMessageAsync()).Value;

        Assert.NotEqual(received.PopReceipt, updated.Value.PopReceipt);
        Assert.True(updated.Value.NextVisibleOn > DateTimeOffset.UtcNow.AddSeconds(20));
        Assert.Equal((400, "PopReceiptMismatch"), (stale.Status, stale.ErrorCode));
        Assert.Null(hidden);
        Assert.Equal("attempt 2", again!.MessageText);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task MessagesAreBase64OnTheWire()
    {
        var queue = await QueueTestQueue.CreateAsync(fixture);
        var raw = QueueTestQueue.Client(fixture, queue.Name, QueueMessageEncoding.None);

        await queue.SendMessageAsync("héllo <world>");
        var onTheWire = (await raw.PeekMessageAsync()).Value!;

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("héllo <world>")), onTheWire.MessageText);
    }

    [Fact]
    public async Task TextThatIsNotBase64IsReturnedAsItIs()
    {
        var queue = await QueueTestQueue.CreateAsync(fixture);
        var raw = QueueTestQueue.Client(fixture, queue.Name, QueueMessageEncoding.None);

        await raw.SendMessageAsync("plain text, not base64!");
        var received = (await queue.ReceiveMessageAsync()).Value!;

        Assert.Equal("plain text, not base64!", received.MessageText);
        Assert.Equal("plain text, not base64!", received.Body.ToString());
    }

    [Theory]
    [InlineData(QueueMessageEncoding.Base64)]
    [InlineData(QueueMessageEncoding.None)]
    public async Task UnicodeAndXmlSpecialTextRoundTrips(QueueMessageEncoding encoding)
    {
        var queue = await QueueTestQueue.CreateAsync(fixture, encoding);
        const string text = "<briefing id=\"1\">Tom & Jerry's 'café' — Zürich ☕ 東京 🚀\r\nline two\ttab ]]> &amp;</briefing>";

        await queue.SendMessageAsync(text);
        var received = (await queue.ReceiveMessageAsync()).Value!;

        Assert.Equal(text, received.MessageText);
    }

    [Fact]
    public async Task BinaryContentRoundTripsWithBase64()
    {
        var queue = await QueueTestQueue.CreateAsync(fixture);
        byte[] bytes = [0, 1, 2, 0xFF, 0xFE, 0x80];

        await queue.SendMessageAsync(new BinaryData(bytes));
        var received = (await queue.ReceiveMessageAsync()).Value!;

        Assert.Equal(bytes, received.Body.ToArray());
    }

    [Fact]
    public async Task AMessageOver64KiBOnceEncodedIsRefusedBeforeSending()
    {
        var queue = await QueueTestQueue.CreateAsync(fixture);
        var fits = new string('a', 49_152); // base64 of 48 KiB is exactly 64 KiB
        var tooBig = new string('a', 49_153);

        await queue.SendMessageAsync(fits);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(tooBig));

        Assert.Contains("64 KiB", ex.Message);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task TextXmlCannotCarryIsRefusedWithoutBase64()
    {
        var queue = await QueueTestQueue.CreateAsync(fixture, QueueMessageEncoding.None);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync("bell \u0007"));

        Assert.Contains("Base64", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task ReceivingOutside1To32MessagesIsRefused(int count)
    {
        var queue = await QueueTestQueue.CreateAsync(fixture);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(count));
    }
}
