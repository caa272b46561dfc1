namespace Pcc.Storage.Tables.Internal;

/// <summary>
/// The OData type annotations the Table service uses for values JSON cannot carry unambiguously
/// ("Payload format for Table service operations", https://learn.microsoft.com/rest/api/storageservices/payload-format-for-table-service-operations).
/// </summary>
internal static class EdmType
{
    public const string AnnotationSuffix = "@odata.type";
    public const string Int64 = "Edm.Int64";
    public const string Double = "Edm.Double";
    public const string DateTime = "Edm.DateTime";
    public const string Guid = "Edm.Guid";
    public const string Binary = "Edm.Binary";
    public const string Int32 = "Edm.Int32";
    public const string Boolean = "Edm.Boolean";
    public const string String = "Edm.String";

    /// <summary>The round-trip UTC form the service stores, with 100 ns precision.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The earliest date the service stores (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model#property-types).</summary>
    public static readonly DateTimeOffset MinDateTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
