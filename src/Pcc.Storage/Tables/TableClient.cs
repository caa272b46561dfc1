using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Pcc.Storage.Internal;
using Pcc.Storage.Tables.Internal;

namespace Pcc.Storage.Tables;

/// <summary>
/// One table's entities over the Table service REST API
/// (https://learn.microsoft.com/rest/api/storageservices/table-service-rest-api), shaped like
/// <c>Azure.Data.Tables.TableClient</c>. Requests are signed with SharedKeyLite or a Microsoft Entra token, and
/// entities are checked against the service's limits before anything is sent.
/// </summary>
public sealed partial class TableClient
{
    private static readonly Regex s_tableName = new("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant);

    private readonly HttpPipeline _pipeline;
    private readonly string _baseUrl;

    /// <summary>A client for <paramref name="tableName"/> at <paramref name="endpoint"/>, signing with the account key.</summary>
    public TableClient(Uri endpoint, string tableName, StorageSharedKeyCredential credential, TableClientOptions? options = null)
        : this(endpoint, tableName, StoragePipeline.SharedKeyLite(credential ?? throw new ArgumentNullException(nameof(credential))), options)
    {
    }

    /// <summary>A client for <paramref name="tableName"/> at <paramref name="endpoint"/>, authorized with a Microsoft Entra token.</summary>
    public TableClient(Uri endpoint, string tableName, TokenCredential credential, TableClientOptions? options = null)
        : this(endpoint, tableName, StoragePipeline.Token(credential ?? throw new ArgumentNullException(nameof(credential))), options)
    {
    }

    /// <summary>A client for <paramref name="tableName"/> in the account a connection string names.</summary>
    public TableClient(string connectionString, string tableName, TableClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), tableName, options)
    {
    }

    private TableClient(StorageConnectionString account, string tableName, TableClientOptions? options)
        : this(account.TableEndpoint, tableName, account.Credential, options)
    {
    }

    private TableClient(Uri endpoint, string tableName, HttpPipelinePolicy authentication, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(tableName);
        if (!s_tableName.IsMatch(tableName))
        {
            throw new ArgumentException(
                $"Table name '{tableName}' is not valid: 3 to 63 letters and digits, starting with a letter.", nameof(tableName));
        }

        options ??= new();
        Name = tableName;
        _baseUrl = endpoint.AbsoluteUri.TrimEnd('/');
        _pipeline = StoragePipeline.Build(options, options.Version, authentication);
    }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>
    /// Builds an OData <c>$filter</c> from an interpolated string, turning each interpolated value into a quoted and
    /// escaped literal: <c>$"PartitionKey eq {pk} and Count gt {10L}"</c> becomes
    /// <c>PartitionKey eq 'O''Brien' and Count gt 10L</c>. Values are string, bool, int, long, double,
    /// DateTimeOffset, DateTime, Guid, byte[], BinaryData, an enum (as its name) or null.
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(a => (object?)ODataLiteral.Format(a)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>Creates the table; a table that already exists is fine (https://learn.microsoft.com/rest/api/storageservices/create-table).</summary>
    public async Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateCreateTableRequest();
        try
        {
            var response = await _pipeline.SendAsync(message, cancellationToken, 201, 204).ConfigureAwait(false);
            return Response.FromValue(new TableItem(Name), response);
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && ex.ErrorCode == "TableAlreadyExists")
        {
            return Response.FromValue(new TableItem(Name), message.Response);
        }
    }

    /// <summary>Deletes the table and its entities; a table that does not exist is fine (https://learn.microsoft.com/rest/api/storageservices/delete-table).</summary>
    public async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateDeleteTableRequest();
        return await _pipeline.SendAsync(message, cancellationToken, 204, 404).ConfigureAwait(false);
    }
}
