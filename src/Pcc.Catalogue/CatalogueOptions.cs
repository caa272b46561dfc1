namespace Pcc.Catalogue;

/// <summary>The catalogue's settings (section <c>Catalogue</c>).</summary>
public sealed class CatalogueOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Catalogue";

    /// <summary>A theme taxonomy file (the format of <c>seeds/themes.json</c>) that replaces the built-in themes; empty for the built-in ones.</summary>
    public string? ThemesFile { get; set; }
}
