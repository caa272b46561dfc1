namespace Pcc.Storage.Queues;

/// <summary>How queue message text is encoded in the service.</summary>
public enum QueueMessageEncoding
{
    /// <summary>Text is sent as it is (it must be valid in XML).</summary>
    None,
    /// <summary>Text is sent as base64 of its UTF-8 bytes.</summary>
    Base64,
}
