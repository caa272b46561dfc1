using System.Text;
using Pcc.Briefings.Reading;

namespace Pcc.Briefings.Tests;

public class BadInputTests
{
    private static readonly BriefingReader s_reader = BriefingReader.Default;

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t\n  \n")]
    public void AnEmptyOrBlankDocumentIsEmpty(string text)
    {
        AssertFailure(s_reader.Read(Encoding.UTF8.GetBytes(text), "blank.txt"), "blank.txt", ReadFailureKind.Empty);
    }

    [Fact]
    public void BinaryGarbageIsNotASupportedFormat()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);

        var failure = AssertFailure(s_reader.Read(garbage, "garbage.txt"), "garbage.txt", ReadFailureKind.UnsupportedFormat);
        Assert.Contains("binary", failure.Message);
    }

    [Fact]
    public void AnImageIsNotASupportedFormat()
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

        var failure = AssertFailure(s_reader.Read(png, "briefing.docx"), "briefing.docx", ReadFailureKind.UnsupportedFormat);
        Assert.Contains("PNG", failure.Message);
    }

    [Fact]
    public void AZipThatIsNotAWordDocumentSaysWhatWasExpected()
    {
        var zip = TestDocuments.Zip(("notes.txt", Encoding.UTF8.GetBytes("Case study 1: not in a Word document.")));

        var failure = AssertFailure(s_reader.Read(zip, "briefing.docx"), "briefing.docx", ReadFailureKind.UnsupportedFormat);
        Assert.Contains("word/document.xml", failure.Message);
        Assert.Equal("ZIP directory", failure.Location);
    }

    [Fact]
    public void ATruncatedZipIsCorrupt()
    {
        var docx = TestDocuments.Docx((null, "Case study 1: text."));

        AssertFailure(s_reader.Read(docx.AsMemory(0, docx.Length / 2), "cut.docx"), "cut.docx", ReadFailureKind.Corrupt);
    }

    [Fact]
    public void AWordDocumentWithBrokenXmlIsCorrupt()
    {
        var docx = TestDocuments.DocxWithDocumentXml("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>");

        var failure = AssertFailure(s_reader.Read(docx, "broken.docx"), "broken.docx", ReadFailureKind.Corrupt);
        Assert.Contains("Word document", failure.Message);
    }

    [Fact]
    public void AWordDocumentThatExpandsPastTheLimitIsTooLarge()
    {
        var bomb = TestDocuments.DocxWithDocumentXml(new string(' ', 4 * 1024 * 1024));
        var limits = new ReaderLimits { MaxDecompressedBytes = 1024 * 1024 };

        Assert.True(bomb.Length < 64 * 1024);
        var failure = AssertFailure(s_reader.Read(bomb, "bomb.docx", limits), "bomb.docx", ReadFailureKind.TooLarge);
        Assert.Contains("word/document.xml", failure.Location);
    }

    [Fact]
    public void AWordDocumentThatUnderstatesItsSizeIsStoppedWhileDecompressing()
    {
        var bomb = TestDocuments.WithUnderstatedSizes(TestDocuments.DocxWithDocumentXml(new string(' ', 4 * 1024 * 1024)), 1000);
        var limits = new ReaderLimits { MaxDecompressedBytes = 1024 * 1024 };

        var result = s_reader.Read(bomb, "liar.docx", limits);

        Assert.False(result.Success);
        Assert.Contains(result.Failure!.Kind, new[] { ReadFailureKind.TooLarge, ReadFailureKind.Corrupt });
        Assert.Equal("liar.docx", result.Failure.Document);
    }

    [Fact]
    public void ADocumentOverTheSizeLimitIsTooLarge()
    {
        var failure = AssertFailure(s_reader.Read(Seeds.Briefing, "big.txt", new ReaderLimits { MaxDocumentBytes = 1000 }), "big.txt", ReadFailureKind.TooLarge);
        Assert.Contains("1,000", failure.Message);
    }

    [Fact]
    public void APasswordProtectedOfficeFileIsEncrypted()
    {
        byte[] header = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        var content = header.Concat(new byte[504]).Concat(Encoding.Unicode.GetBytes("EncryptedPackage")).Concat(new byte[512]).ToArray();

        AssertFailure(s_reader.Read(content, "secret.docx"), "secret.docx", ReadFailureKind.Encrypted);
    }

    [Fact]
    public void ALegacyWordFileIsNotASupportedFormat()
    {
        byte[] header = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

        var failure = AssertFailure(s_reader.Read(header.Concat(new byte[1024]).ToArray(), "old.doc"), "old.doc", ReadFailureKind.UnsupportedFormat);
        Assert.Contains(".docx", failure.Message);
    }

    [Fact]
    public void AReaderThatTakesTooLongTimesOut()
    {
        using var release = new ManualResetEventSlim();
        var reader = new BriefingReader([new StallingReader(release)]);

        try
        {
            var failure = AssertFailure(reader.Read("Some text"u8.ToArray(), "slow.txt", new ReaderLimits { Timeout = TimeSpan.FromMilliseconds(200) }), "slow.txt", ReadFailureKind.TimedOut);
            Assert.Contains("0.2 seconds", failure.Message);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void ADocumentThatHangsItsReaderDoesNotHoldUpTheNext()
    {
        using var release = new ManualResetEventSlim();
        var reader = new BriefingReader([new StallingReader(release)]);
        var limits = new ReaderLimits { Timeout = TimeSpan.FromMilliseconds(200) };

        try
        {
            // Each hung read keeps its reader's thread busy until released; the documents after them are still read.
            for (var hung = 1; hung <= 3; hung++)
            {
                AssertFailure(reader.Read("Some text"u8.ToArray(), $"slow-{hung}.txt", limits), $"slow-{hung}.txt", ReadFailureKind.TimedOut);
                var next = reader.Read("# Briefing\n\nA paragraph under the heading.\n"u8.ToArray(), "next.md", limits);

                Assert.True(next.Success, next.Failure?.ToString());
                Assert.Contains(next.Value.Blocks, b => b.Lines.Contains("A paragraph under the heading."));
            }
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void CancellingTheCallerStopsReading()
    {
        using var release = new ManualResetEventSlim();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var reader = new BriefingReader([new StallingReader(release)]);

        try
        {
            Assert.ThrowsAny<OperationCanceledException>(() => reader.Read("Some text"u8.ToArray(), "slow.txt", null, cancellation.Token));
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void AReaderThatThrowsGivesACorruptDocumentNotAnException()
    {
        var reader = new BriefingReader([new ThrowingReader()]);

        var failure = AssertFailure(reader.Read("Some text"u8.ToArray(), "boom.txt"), "boom.txt", ReadFailureKind.Corrupt);
        Assert.Contains("parser exploded", failure.Message);
    }

    [Fact]
    public void ADocumentWithTextButNoCaseStudiesIsASuccessWithAWarning()
    {
        var result = BriefingParser.Default.Parse("Minutes of the meeting\n\nThe panel met on Tuesday and agreed the budget.\n"u8.ToArray(), "minutes.txt");

        Assert.True(result.Success);
        Assert.Empty(result.Value.CaseStudies);
        Assert.Contains(result.Value.Warnings, w => w.Contains("No case studies"));
        Assert.Equal("Minutes of the meeting", result.Value.Title);
    }

    [Fact]
    public void AFailureReadsAsTheDocumentItsLocationAndWhatWasExpected()
    {
        var failure = new ReadFailure("briefing.docx", ReadFailureKind.Corrupt, "part word/document.xml", "Expected a well-formed Word document.");

        Assert.Equal("briefing.docx (part word/document.xml): Expected a well-formed Word document.", failure.ToString());
        Assert.Throws<DocumentReadException>(() => ReadResult.ForFailure(failure).Value);
    }

    private static ReadFailure AssertFailure(ReadResult result, string document, ReadFailureKind kind)
    {
        Assert.False(result.Success);
        var failure = result.Failure!;
        Assert.Equal(kind, failure.Kind);
        Assert.Equal(document, failure.Document);
        Assert.StartsWith(document, failure.ToString());
        Assert.Contains("xpected", failure.Message);
        return failure;
    }

    private sealed class StallingReader(ManualResetEventSlim release) : IDocumentReader
    {
        public DocumentFormat Format => DocumentFormat.Text;

        public ReadResult Read(ReadOnlyMemory<byte> content, string documentName, ReaderLimits limits, CancellationToken cancellationToken = default)
        {
            release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
            throw new InvalidOperationException("Released without reading.");
        }
    }

    private sealed class ThrowingReader : IDocumentReader
    {
        public DocumentFormat Format => DocumentFormat.Text;

        public ReadResult Read(ReadOnlyMemory<byte> content, string documentName, ReaderLimits limits, CancellationToken cancellationToken = default) =>
            throw new FormatException("The parser exploded.");
    }
}
