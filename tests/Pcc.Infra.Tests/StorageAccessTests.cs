using System.Text.Json.Nodes;
using Pcc.Infra.Tests.Support;

namespace Pcc.Infra.Tests;

/// <summary>
/// Only the app's identity reaches the whole storage account: it also holds the package the app runs from, the host's
/// state, reports and digest batches with subscribers' addresses. People who upload reach the briefings container alone.
/// </summary>
public sealed class StorageAccessTests
{
    private const string Operator = "11111111-1111-1111-1111-111111111111";
    private const string EditorsGroup = "22222222-2222-2222-2222-222222222222";

    // Every principal parameter given, so that every conditional role assignment is in play.
    private static readonly ArmScope Deployed = Templates.Main.With(new JsonObject { ["principalId"] = Operator, ["editorsGroupId"] = EditorsGroup });

    [Fact]
    public void NoPrincipalButTheAppsIdentityHoldsARoleOnTheWholeStorageAccount()
    {
        var identity = Deployed.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        var identityId = $"resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', {identity.Name.Render()})";

        // No scope is the resource group (or the subscription): that reaches the account too.
        var accountWide = Assignments().Where(a => a.Json["scope"] is null || IsAccount(a.Property("scope").Text)).ToList();

        Assert.NotEmpty(accountWide);
        Assert.All(accountWide, a => Assert.True(
            a.Property("properties.principalId").Text.Contains(identityId, StringComparison.Ordinal),
            $"{a.Property("properties.principalId").Text} holds {a.Property("properties.roleDefinitionId").Text} on {a.Property("scope").Text}"));
    }

    [Theory]
    [InlineData(Operator)]
    [InlineData(EditorsGroup)]
    public void PeopleWhoUploadMayWriteToTheBriefingsContainerAndNothingElse(string principal)
    {
        var assignment = Assert.Single(Assignments(), a => a.Property("properties.principalId").Text == principal);

        Assert.Contains(RoleIds.StorageBlobDataContributor, assignment.Property("properties.roleDefinitionId").Text, StringComparison.Ordinal);
        var scope = assignment.Property("scope").Text;
        Assert.StartsWith("resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', ", scope, StringComparison.Ordinal);
        Assert.EndsWith(", 'default', 'briefings')", scope, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEditorsGroupIsAGroup()
    {
        var assignment = Assert.Single(Assignments(), a => a.Property("properties.principalId").Text == EditorsGroup);

        Assert.Equal("Group", assignment.Property("properties.principalType").Text);
    }

    private static IEnumerable<ArmResource> Assignments() =>
        Deployed.Resources("Microsoft.Authorization/roleAssignments").SelectMany(r => r.Instances());

    // The account itself, as the deployment names it (its name is only known in Azure).
    private static bool IsAccount(string scope) => scope.StartsWith("resourceId('Microsoft.Storage/storageAccounts', ", StringComparison.Ordinal);
}
