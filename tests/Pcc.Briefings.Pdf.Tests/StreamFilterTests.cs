using System.IO.Compression;
using System.Text;

namespace Pcc.Briefings.Pdf.Tests;

/// <summary>Content streams under the filters other than FlateDecode, alone and in a chain (ISO 32000-1 §7.4).</summary>
public sealed class StreamFilterTests
{
    private const string Content = "BT /F1 12 Tf 72 700 Td (Case study 3: filtered text) Tj ET";

    [Fact]
    public void AnAsciiHexContentStreamIsRead()
    {
        var lines = ReadWith("/Filter /ASCIIHexDecode", Hex(Encoding.ASCII.GetBytes(Content)));

        Assert.Equal(["Case study 3: filtered text"], lines);
    }

    [Fact]
    public void AChainOfAsciiHexOverFlateIsUndoneInOrder()
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(Encoding.ASCII.GetBytes(Content));

        var lines = ReadWith("/Filter [/ASCIIHexDecode /FlateDecode]", Hex(compressed.ToArray()));

        Assert.Equal(["Case study 3: filtered text"], lines);
    }

    private static IReadOnlyList<string> ReadWith(string filter, byte[] data)
    {
        var pdf = new MinimalPdf();
        var content = pdf.AddStream(filter, data);
        return PdfReading.Lines(pdf.WithPages([(content, MinimalPdf.Resources(pdf, MinimalPdf.Helvetica))]));
    }

    private static byte[] Hex(byte[] data) => Encoding.ASCII.GetBytes(Convert.ToHexString(data) + ">");
}
