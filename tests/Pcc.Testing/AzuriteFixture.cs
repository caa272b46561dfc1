using Xunit;

namespace Pcc.Testing;

/// <summary>Class fixture giving a test class the run's shared Azurite.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public Azurite Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>A name no other test uses, valid for containers, queues (lower case) and tables (letters and digits).</summary>
    public static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 20, 63)];

    public async Task InitializeAsync() => _azurite = await Azurite.GetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
