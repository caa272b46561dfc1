using Azure;

namespace Pcc.Catalogue.Storage;

/// <summary>Reading optional entities without exceptions.</summary>
public static class NullableResponseExtensions
{
    /// <summary>The value, or null when the service had none (reading <c>Value</c> then would throw).</summary>
    public static T? ValueOrDefault<T>(this NullableResponse<T> response)
        where T : class => response.HasValue ? response.Value : null;
}
