using Pcc.Functions.EmailEvents;

namespace Pcc.Functions.Tests.EmailEvents;

/// <summary>The webhook's body reader stops one byte past its limit, however much is sent.</summary>
public sealed class BoundedBodyTests
{
    [Fact]
    public async Task AGigabyteBodyIsRefusedAfterReadingOneByteMoreThanTheLimit()
    {
        var body = new EndlessStream(1L << 30);

        Assert.Null(await BoundedBody.ReadAsync(body, EmailEventsApi.MaxBodyBytes));
        Assert.Equal(EmailEventsApi.MaxBodyBytes + 1, body.Position);
    }

    [Fact]
    public async Task ABodyAtTheLimitIsReadWhole()
    {
        var body = new EndlessStream(EmailEventsApi.MaxBodyBytes);

        Assert.Equal(EmailEventsApi.MaxBodyBytes, (await BoundedBody.ReadAsync(body, EmailEventsApi.MaxBodyBytes))!.Length);
    }

    /// <summary>A stream of <c>length</c> spaces that counts what was read, without holding them.</summary>
    private sealed class EndlessStream(long length) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(Math.Min(count, 8192), length - Position);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            Position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
