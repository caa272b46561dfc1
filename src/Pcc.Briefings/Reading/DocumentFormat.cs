namespace Pcc.Briefings.Reading;

/// <summary>The document formats a briefing can be uploaded in.</summary>
public enum DocumentFormat
{
    /// <summary>Plain text (UTF-8, UTF-16 or Windows-1252).</summary>
    Text,
    /// <summary>Markdown (CommonMark).</summary>
    Markdown,
    /// <summary>HTML.</summary>
    Html,
    /// <summary>Word Open XML (.docx).</summary>
    Docx,
    /// <summary>Portable Document Format.</summary>
    Pdf,
}
