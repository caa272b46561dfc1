namespace Pcc.Functions.Tests.Subscriptions;

/// <summary>Slugs from the shipped taxonomy.</summary>
public static class Themes
{
    public const string Violence = "violence-and-exploitation";
    public const string Victims = "victims-of-crime";
    public const string Drugs = "drug-harm";
}
