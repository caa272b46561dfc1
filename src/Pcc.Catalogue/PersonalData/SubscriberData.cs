using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Pcc.Catalogue.Storage;
using Pcc.Notifications.Subscriptions;

namespace Pcc.Catalogue.PersonalData;

/// <summary>
/// One person's data, for access and erasure requests (<c>pcc subscribers export|erase</c>). An address is held in
/// table <c>Subscribers</c> (their row and digest entry; after they leave, a keyed marker without the address) and in
/// the digest batches planned for them (<c>digest-batches/</c> blobs, with their signed links). The <c>Deliveries</c>
/// ledger and the digest queue's messages name batches and count recipients, never an address.
/// </summary>
public sealed class SubscriberData(PccStore store, SubscriberStore subscribers)
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    /// <summary>Everything held about the (normalised) <paramref name="address"/>, in any spelling, as JSON.</summary>
    public async Task<JsonObject> ExportAsync(string address, CancellationToken cancellationToken = default)
    {
        var rows = new JsonArray();
        foreach (var row in await subscribers.ExportAsync(address, cancellationToken))
        {
            rows.Add(JsonSerializer.SerializeToNode(row));
        }

        var batches = new JsonArray();
        await foreach (var (name, _, recipients) in BatchesHoldingAsync(address, cancellationToken))
        {
            batches.Add(new JsonObject { ["blob"] = $"{store.DigestBatches.Name}/{name}", ["recipients"] = new JsonArray([.. recipients.Select(r => r.DeepClone())]) });
        }

        return new JsonObject
        {
            ["address"] = address,
            ["subscriberId"] = SubscriberIds.ForAddress(address),
            ["subscribers"] = rows,
            ["digestBatches"] = batches,
        };
    }

    /// <summary>
    /// Erases the (normalised) <paramref name="address"/>, in any spelling, from every table and blob that holds it:
    /// the subscriber rows and marker are deleted, and in each digest batch the recipient's address, id, links and
    /// follows (themes, briefings, case studies) are blanked (the batch keeps its positions, which its ledger row counts by). Returns how many rows and blobs held it.
    /// </summary>
    public async Task<int> EraseAsync(string address, CancellationToken cancellationToken = default)
    {
        var erased = await subscribers.EraseAsync(address, cancellationToken);
        await foreach (var (name, content, recipients) in BatchesHoldingAsync(address, cancellationToken))
        {
            foreach (var recipient in recipients)
            {
                foreach (var property in new[] { "subscriberId", "email", "manageUrl", "unsubscribeUrl" })
                {
                    recipient[property] = "";
                }

                // What someone follows, down to single case studies, says something about them: it goes too.
                foreach (var property in new[] { "themes", "briefings", "caseStudies" })
                {
                    recipient[property] = new JsonArray();
                }
            }

            await store.DigestBatches.GetBlobClient(name).UploadAsync(new BinaryData(content.ToJsonString()), overwrite: true, cancellationToken);
            erased++;
        }

        return erased;
    }

    /// <summary>Writes <paramref name="json"/> indented.</summary>
    public static string Format(JsonNode json) => json.ToJsonString(s_indented);

    private async IAsyncEnumerable<(string Name, JsonNode Content, IReadOnlyList<JsonObject> Recipients)> BatchesHoldingAsync(
        string address, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = SubscriberIds.ForAddress(address);
        var pages = store.DigestBatches.GetBlobsAsync(cancellationToken: cancellationToken);
        var items = new List<string>();
        try
        {
            await foreach (var blob in pages)
            {
                items.Add(blob.Name);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            yield break;
        }

        foreach (var name in items)
        {
            var text = (await store.DigestBatches.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
            if (!text.Contains(address, StringComparison.OrdinalIgnoreCase) && !text.Contains(id, StringComparison.Ordinal))
            {
                continue;
            }

            var content = JsonNode.Parse(text)!;
            var recipients = (content["recipients"] as JsonArray ?? []).OfType<JsonObject>()
                .Where(r => string.Equals((string?)r["email"], address, StringComparison.OrdinalIgnoreCase) || (string?)r["subscriberId"] == id)
                .ToList();
            if (recipients.Count > 0)
            {
                yield return (name, content, recipients);
            }
        }
    }
}
