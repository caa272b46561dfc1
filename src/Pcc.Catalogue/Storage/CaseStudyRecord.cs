namespace Pcc.Catalogue.Storage;

/// <summary>The stored fields of a case study, shared by the per-briefing, catalogue and history rows.</summary>
public abstract class CaseStudyRecord : EntityBase
{
    /// <summary>The stable case-study key.</summary>
    public string Key { get; set; } = "";

    /// <summary>The number the briefing gives it, if any.</summary>
    public int? Number { get; set; }

    /// <summary>The theme's slug.</summary>
    public string ThemeSlug { get; set; } = "";

    /// <summary>The theme's display name.</summary>
    public string Theme { get; set; } = "";

    /// <summary>A short title.</summary>
    public string Title { get; set; } = "";

    /// <summary>The healed text.</summary>
    public string Text { get; set; } = "";

    /// <summary>Where it was found in its document.</summary>
    public string? Location { get; set; }
}
