using Microsoft.Extensions.Options;
using Pcc.Platform.Configuration;

namespace Pcc.Catalogue.Ingestion;

/// <summary>Checks the <c>Ingestion</c> recovery settings when the app starts.</summary>
public sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, IngestionOptions options) =>
        new OptionsChecks(IngestionOptions.Section)
            .InRange(options.MaxAttempts, nameof(options.MaxAttempts), 1)
            .Positive(options.LockWait, nameof(options.LockWait))
            // A live ingest, still waiting for the lock, must never be taken for an abandoned one.
            .Check(options.AbandonAfter <= options.LockWait, nameof(options.AbandonAfter),
                $"must be longer than Ingestion:LockWait ({options.LockWait}), or a live ingest would count as abandoned (it is {options.AbandonAfter}).")
            .Result();
}
