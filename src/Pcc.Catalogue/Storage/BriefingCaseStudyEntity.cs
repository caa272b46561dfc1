namespace Pcc.Catalogue.Storage;

/// <summary>
/// Table <c>BriefingCaseStudies</c>: the case studies of a briefing's current version. PartitionKey = briefing slug,
/// RowKey = case-study key: one partition query gives the baseline a new version is compared with.
/// </summary>
public sealed class BriefingCaseStudyEntity : CaseStudyRecord;
