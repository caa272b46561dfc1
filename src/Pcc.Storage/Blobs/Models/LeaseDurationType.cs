namespace Pcc.Storage.Blobs.Models;

/// <summary>Whether an active lease runs for a fixed time or until released (<c>x-ms-lease-duration</c>).</summary>
public enum LeaseDurationType
{
    /// <summary>The lease lasts until it is released or broken.</summary>
    Infinite,
    /// <summary>The lease lasts 15 to 60 seconds unless renewed.</summary>
    Fixed,
}
