namespace Pcc.Catalogue.Related;

/// <summary>
/// What a refresh of the related case studies did: how many case studies the catalogue has, how many of them have
/// related ones stored, and how many rows were written or deleted (none when nothing changed since the last refresh).
/// </summary>
public sealed record RelatedRefresh(int CaseStudies, int WithRelated, int RowsChanged);
