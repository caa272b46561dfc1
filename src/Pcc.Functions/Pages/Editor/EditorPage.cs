using System.Text;
using Pcc.Catalogue.Storage;
using static Pcc.Functions.Pages.Html;

namespace Pcc.Functions.Pages.Editor;

/// <summary><c>/editor</c>: upload a briefing, and the recent ingests with their outcome.</summary>
public static class EditorPage
{
    /// <summary>The page; <paramref name="error"/> says why an upload was refused.</summary>
    public static WebPage Render(IReadOnlyList<IngestionEntity> recent, string? error = null)
    {
        var html = new StringBuilder("<h1>Editor</h1>")
            .Append("<p>Upload a briefing as Word (.docx), PDF, HTML, Markdown or plain text. It is read within a few seconds; its report shows ")
            .Append("the case studies found and what changed since the previous version. A file with the name of an earlier upload is that briefing's next version.</p>");
        if (error is not null)
        {
            html.Append("<div role=\"alert\"><p>").Append(Encode(error)).Append("</p></div>");
        }

        html.Append("<form method=\"post\" action=\"/editor\" enctype=\"multipart/form-data\"><div class=\"field\"><label for=\"briefing\">Briefing file</label>")
            .Append("<input type=\"file\" id=\"briefing\" name=\"briefing\" required accept=\".docx,.pdf,.html,.htm,.md,.markdown,.txt\"></div>")
            .Append("<button type=\"submit\">Upload</button></form><h2>Recent ingests</h2>");
        if (recent.Count == 0)
        {
            html.Append("<p>Nothing has been uploaded yet.</p>");
        }
        else
        {
            html.Append("<div class=\"table\"><table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">File</th><th scope=\"col\">Version</th><th scope=\"col\">Outcome</th></tr></thead><tbody>");
            foreach (var i in recent)
            {
                html.Append("<tr><td>").Append(Time(i.IngestedAt)).Append("</td><td><a href=\"").Append(Encode(ReportPath(i.PartitionKey, i.RowKey))).Append("\">")
                    .Append(Encode(i.BlobName)).Append("</a></td><td>").Append(i.Status == IngestionEntity.Failed ? "–" : i.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Append("</td><td>").Append(Outcome(i)).Append("</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        return new WebPage("Editor", "Upload briefings and see what the catalogue took from them.", html.ToString(), Private: true);
    }

    /// <summary>The page of one ingest; <paramref name="file"/> names the upload while its ingest has not started.</summary>
    public static string ReportPath(string slug, string etag, string? file = null) =>
        $"/editor/ingests/{Uri.EscapeDataString(slug)}/{Uri.EscapeDataString(etag)}{(file is null ? "" : "?file=" + Uri.EscapeDataString(file))}";

    private static string Outcome(IngestionEntity i) => i.Status switch
    {
        IngestionEntity.Completed => "Ingested",
        IngestionEntity.Failed => "Could not be read: " + Encode(i.Error),
        IngestionEntity.Held => "Held for review: not published until an editor confirms it",
        IngestionEntity.Abandoned => "Abandoned: its process stopped before it finished",
        _ => "Being read",
    };
}
