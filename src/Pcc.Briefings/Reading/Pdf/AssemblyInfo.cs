using System.Runtime.CompilerServices;

// The PDF reader's tests exercise its internal layout and font decoding directly.
[assembly: InternalsVisibleTo("Pcc.Briefings.Pdf.Tests")]
