using System.Text.RegularExpressions;
using Pcc.Infra.Tests.Support;

namespace Pcc.Infra.Tests;

/// <summary>The Function App runs as one user-assigned identity holding exactly the data roles the app needs.</summary>
public sealed class IdentityTests
{
    [Theory]
    [InlineData(RoleIds.StorageBlobDataOwner, "Microsoft.Storage/storageAccounts")]
    [InlineData(RoleIds.StorageTableDataContributor, "Microsoft.Storage/storageAccounts")]
    [InlineData(RoleIds.StorageQueueDataContributor, "Microsoft.Storage/storageAccounts")]
    [InlineData(RoleIds.KeyVaultSecretsUser, "Microsoft.KeyVault/vaults")]
    public void TheAppsIdentityHoldsTheRole(string role, string scopeType)
    {
        var identity = Templates.Main.Single("Microsoft.ManagedIdentity/userAssignedIdentities");
        var assignments = Templates.Main.Resources("Microsoft.Authorization/roleAssignments").SelectMany(r => r.Instances())
            .Where(r => r.Property("properties.roleDefinitionId").Text.Contains(role, StringComparison.Ordinal))
            .ToList();

        var assignment = Assert.Single(assignments);
        Assert.Same(identity.Scope.Template, assignment.Scope.Template);
        Assert.Contains(IdentityId(identity), assignment.Property("properties.principalId").Text, StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", assignment.Property("properties.principalType").Text);
        Assert.Contains(scopeType, assignment.Json["scope"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheAppRunsAsTheIdentityThatHoldsTheRoles()
    {
        var app = Templates.Main.Single("Microsoft.Web/sites");
        var identities = app.Property("identity").Node!;

        var identity = Templates.Main.Single("Microsoft.ManagedIdentity/userAssignedIdentities");

        Assert.Equal("UserAssigned", (string?)identities["type"]);
        var module = Regex.Match(Assert.Single(identities["userAssignedIdentities"]!.AsObject()).Key, @"^reference\('(\w+)'\)\.outputs\.(\w+)\.value$");
        Assert.True(module.Success, identities.ToJsonString());
        var moduleTemplate = Templates.Main.Template["resources"]![module.Groups[1].Value]!["properties"]!["template"]!;
        Assert.Same(identity.Scope.Template, moduleTemplate);
        Assert.Equal(IdentityId(identity), identity.Scope.Evaluate(moduleTemplate["outputs"]![module.Groups[2].Value]!["value"]).Text);
    }

    private static string IdentityId(ArmResource identity) =>
        $"resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', {identity.Name.Render()})";
}
