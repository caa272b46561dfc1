namespace Pcc.Infra.Tests.Support;

/// <summary>A setting an options type binds: <c>Section:Property</c>, as an app setting name, and the property's type.</summary>
internal sealed record OptionSetting(Type Options, string Key, Type PropertyType)
{
    /// <summary>The app setting name: Azure spells the configuration separator as a double underscore.</summary>
    public string AppSetting => Key.Replace(":", "__", StringComparison.Ordinal);
}
