using System.Runtime.CompilerServices;
using PdfSharp;

namespace Pcc.Briefings.Pdf.Tests;

internal static class PdfSharpLicence
{
    /// <summary>
    /// PDFsharp 6.5 opens nothing until a licence is chosen. The tests run it under the AGPL; the product's own
    /// choice is made by its host at start-up (see <see cref="Pcc.Briefings.Reading.Pdf.PdfDocumentReader"/>).
    /// </summary>
    [ModuleInitializer]
    internal static void Choose() => PdfSharpLicense.SetAgplLicense();
}
