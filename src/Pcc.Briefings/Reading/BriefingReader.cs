using Pcc.Briefings.Reading.Docx;
using Pcc.Briefings.Reading.Html;
using Pcc.Briefings.Reading.Markdown;
using Pcc.Briefings.Reading.Pdf;
using Pcc.Briefings.Reading.Text;

namespace Pcc.Briefings.Reading;

/// <summary>
/// The one entry point for reading an uploaded document: checks the size, detects the format from the bytes,
/// runs the matching reader under the time limit and turns every problem into a <see cref="ReadFailure"/>.
/// </summary>
public sealed class BriefingReader
{
    /// <summary>Fewer bytes than this cannot hold a heading and a case study in any format.</summary>
    private const int MinDocumentBytes = 8;

    /// <summary>
    /// The readers' threads get a large stack: libraries that recurse per nesting level (PdfPig, the Open XML SDK)
    /// stay far from an uncatchable stack overflow within <see cref="ReaderLimits.MaxNestingDepth"/>.
    /// </summary>
    private const int ReaderStackBytes = 64 * 1024 * 1024;

    private readonly Dictionary<DocumentFormat, IDocumentReader> _readers;

    /// <summary>Creates a reader that uses <paramref name="readers"/> for their formats and the built-in readers for the rest.</summary>
    /// <param name="readers">Readers that replace the built-in ones for their <see cref="IDocumentReader.Format"/>.</param>
    public BriefingReader(IEnumerable<IDocumentReader>? readers = null)
    {
        IDocumentReader[] builtIn =
        [
            new PlainTextDocumentReader(), new MarkdownDocumentReader(), new HtmlDocumentReader(), new DocxDocumentReader(), new PdfDocumentReader(),
        ];
        _readers = builtIn.Concat(readers ?? []).GroupBy(r => r.Format).ToDictionary(g => g.Key, g => g.Last());
    }

    /// <summary>A reader with the built-in readers for every format.</summary>
    public static BriefingReader Default { get; } = new();

    /// <summary>
    /// Reads <paramref name="content"/>. Never throws for bad input: empty, oversized, unrecognised, broken,
    /// encrypted or slow documents give a failed result naming the document. Throws
    /// <see cref="OperationCanceledException"/> only when <paramref name="cancellationToken"/> is cancelled by the caller.
    /// </summary>
    /// <param name="content">The document's bytes.</param>
    /// <param name="documentName">The file or blob name; used in messages and as a hint for text formats.</param>
    /// <param name="limits">Size and time limits; <see cref="ReaderLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops reading early.</param>
    public ReadResult Read(ReadOnlyMemory<byte> content, string documentName, ReaderLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documentName);
        limits ??= ReaderLimits.Default;
        if (content.Length > limits.MaxDocumentBytes)
        {
            return Fail(documentName, ReadFailureKind.TooLarge,
                $"The document is {content.Length:N0} bytes. Expected at most {limits.MaxDocumentBytes:N0} bytes.");
        }

        if (content.IsEmpty)
        {
            return Fail(documentName, ReadFailureKind.Empty, "The document is empty. Expected the text of a briefing.");
        }

        if (content.Length < MinDocumentBytes)
        {
            return Fail(documentName, ReadFailureKind.Empty,
                $"The document is only {content.Length} byte{(content.Length == 1 ? "" : "s")} long. Expected the text of a briefing.");
        }

        var detection = FormatDetector.Detect(content, documentName);
        if (detection.Failure is { } failure)
        {
            return ReadResult.ForFailure(failure);
        }

        var format = detection.Value!;
        var result = ReadWithin(_readers[format.Format], content, documentName, limits, cancellationToken);
        return Complete(result, documentName, format);
    }

    private static ReadResult ReadWithin(IDocumentReader reader, ReadOnlyMemory<byte> content, string documentName, ReaderLimits limits, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Timeout);
        var token = timeout.Token;
        if (reader is DocumentReader { RunsInline: true })
        {
            // Starting a thread costs more than reading a plain-text briefing, and this reader needs none (see RunsInline).
            try
            {
                return ReaderGuard.Run(documentName, reader.Format, () => reader.Read(content, documentName, limits, token));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return TimedOut(documentName, reader.Format, limits);
            }
        }

        // The reader runs on a thread of its own (ReaderThreads) so that a parser which ignores cancellation still cannot hold the caller past the limit.
        var completion = new TaskCompletionSource<ReadResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        ReaderThreads.Run(() =>
        {
            try
            {
                completion.SetResult(ReaderGuard.Run(documentName, reader.Format, () => reader.Read(content, documentName, limits, token)));
            }
            catch (Exception ex)
            {
                completion.SetException(ex);
            }
        }, ReaderStackBytes);
        var reading = completion.Task;
        try
        {
            if (reading.Wait(limits.Timeout, cancellationToken))
            {
                return reading.Result;
            }
        }
        catch (AggregateException ex) when (ex.InnerException is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
        }

        cancellationToken.ThrowIfCancellationRequested();
        timeout.Cancel();
        return TimedOut(documentName, reader.Format, limits);
    }

    private static ReadResult TimedOut(string documentName, DocumentFormat format, ReaderLimits limits) =>
        Fail(documentName, ReadFailureKind.TimedOut,
            $"Reading the {ReaderGuard.Name(format)} took longer than {limits.Timeout.TotalSeconds:0.###} seconds. Expected a briefing that reads within the time limit.");

    private static ReadResult Complete(ReadResult result, string documentName, FormatDetection format)
    {
        if (!result.Success)
        {
            return result;
        }

        var text = result.Value;
        if (!text.Blocks.Any(b => b.Lines.Any(l => !string.IsNullOrWhiteSpace(l))))
        {
            return Fail(documentName, ReadFailureKind.Empty,
                $"The {ReaderGuard.Name(format.Format)} has no readable text. Expected headings and paragraphs of a briefing.");
        }

        return format.Warning is null ? result : ReadResult.ForValue(text with { Warnings = [format.Warning, .. text.Warnings] });
    }

    private static ReadResult Fail(string documentName, ReadFailureKind kind, string message) =>
        ReadResult.ForFailure(new ReadFailure(documentName, kind, null, message));
}
