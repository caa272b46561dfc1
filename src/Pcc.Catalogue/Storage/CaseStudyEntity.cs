namespace Pcc.Catalogue.Storage;

/// <summary>
/// Table <c>CaseStudies</c>: the catalogue's current case studies. PartitionKey = theme slug, RowKey = key, so
/// "case studies by theme" is one partition query. A case study found in several briefings is one row listing them all.
/// </summary>
public sealed class CaseStudyEntity : CaseStudyRecord
{
    /// <summary>The briefing whose version last set this text.</summary>
    public string Briefing { get; set; } = "";

    /// <summary>Every briefing whose current version has it, comma-separated slugs.</summary>
    public string Sources { get; set; } = "";

    /// <summary>When it first appeared.</summary>
    public DateTimeOffset FirstSeen { get; set; }

    /// <summary>When its text last changed.</summary>
    public DateTimeOffset LastChanged { get; set; }
}
