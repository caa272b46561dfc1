using System.Security.Cryptography;
using System.Text;

namespace Pcc.Storage;

/// <summary>A storage account name and access key, used to sign requests with Shared Key (blob, queue) or SharedKeyLite (table).</summary>
public sealed class StorageSharedKeyCredential
{
    private byte[] _key;

    /// <summary>Creates a credential from an account name and its base64 access key.</summary>
    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        AccountName = accountName;
        _key = DecodeKey(accountKey);
    }

    /// <summary>The storage account's name.</summary>
    public string AccountName { get; }

    /// <summary>Replaces the key, e.g. after a rotation, without rebuilding clients.</summary>
    public void SetAccountKey(string accountKey) => _key = DecodeKey(accountKey);

    internal string ComputeHmacSha256(string message) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(message)));

    private static byte[] DecodeKey(string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        try
        {
            return Convert.FromBase64String(accountKey);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The storage account key is not valid base64.", nameof(accountKey), ex);
        }
    }
}
