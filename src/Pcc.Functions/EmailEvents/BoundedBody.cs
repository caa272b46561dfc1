namespace Pcc.Functions.EmailEvents;

/// <summary>Reads a request body that anyone can send, never more than one byte past a limit.</summary>
public static class BoundedBody
{
    /// <summary>The stream's bytes, or null when it holds more than <paramref name="limit"/> (having read at most <paramref name="limit"/> + 1).</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int limit, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[limit + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > limit ? null : buffer[..length];
    }
}
