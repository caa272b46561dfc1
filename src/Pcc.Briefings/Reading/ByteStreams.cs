using System.Runtime.InteropServices;

namespace Pcc.Briefings.Reading;

/// <summary>Read-only streams over document bytes without copying when the bytes already live in an array.</summary>
internal static class ByteStreams
{
    public static MemoryStream Open(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
}
