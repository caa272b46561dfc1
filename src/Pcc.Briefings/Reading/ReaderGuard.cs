using System.Xml;

namespace Pcc.Briefings.Reading;

/// <summary>
/// Runs one reader and turns whatever it or a third-party parser throws into a <see cref="ReadFailure"/>.
/// Cancellation passes through: the caller decides whether it was a time limit or a request to stop.
/// </summary>
internal static class ReaderGuard
{
    public static ReadResult Run(string documentName, DocumentFormat format, Func<ReadResult> read)
    {
        try
        {
            return read();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (ReadProblemException problem)
        {
            return ReadResult.ForFailure(problem.ToFailure(documentName));
        }
        catch (Exception ex) when (ex is OutOfMemoryException or InsufficientExecutionStackException)
        {
            return ReadResult.ForFailure(new ReadFailure(documentName, ReadFailureKind.TooLarge, null,
                $"The {Name(format)} is too large or too deeply nested to read ({ex.GetType().Name}). Expected a briefing of ordinary size."));
        }
        catch (Exception ex)
        {
            var location = ex is XmlException xml && xml.LineNumber > 0 ? $"line {xml.LineNumber}" : null;
            return ReadResult.ForFailure(new ReadFailure(documentName, ReadFailureKind.Corrupt, location,
                $"The {Name(format)} could not be read: {ex.Message} Expected a well-formed {Name(format)}."));
        }
    }

    public static string Name(DocumentFormat format) => format switch
    {
        DocumentFormat.Text => "plain text document",
        DocumentFormat.Markdown => "Markdown document",
        DocumentFormat.Html => "HTML document",
        DocumentFormat.Docx => "Word document",
        _ => "PDF document",
    };
}
