using System.Text;
using PdfSharp.Pdf;

namespace Pcc.Briefings.Pdf.Tests;

/// <summary>
/// PDFs written by PDFsharp itself, for what hand-written files cannot easily show: real encryption. The text is a
/// raw content stream in the standard Helvetica font, so no font files are needed on the machine.
/// </summary>
internal static class PdfSharpWritten
{
    public static byte[] WithText(string text, string? userPassword = null, string? ownerPassword = null)
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        var font = new PdfDictionary(document);
        font.Elements["/Type"] = new PdfName("/Font");
        font.Elements["/Subtype"] = new PdfName("/Type1");
        font.Elements["/BaseFont"] = new PdfName("/Helvetica");
        font.Elements["/Encoding"] = new PdfName("/WinAnsiEncoding");
        document.Internals.AddObject(font);
        var fonts = new PdfDictionary(document);
        fonts.Elements["/F1"] = font.Reference;
        var resources = new PdfDictionary(document);
        resources.Elements["/Font"] = fonts;
        page.Elements["/Resources"] = resources;
        page.Contents.AppendContent().CreateStream(Encoding.Latin1.GetBytes($"BT /F1 12 Tf 72 700 Td ({text}) Tj ET"));
        if (userPassword is not null)
            document.SecuritySettings.UserPassword = userPassword;
        if (ownerPassword is not null)
            document.SecuritySettings.OwnerPassword = ownerPassword;
        using var file = new MemoryStream();
        document.Save(file, closeStream: false);
        return file.ToArray();
    }
}
