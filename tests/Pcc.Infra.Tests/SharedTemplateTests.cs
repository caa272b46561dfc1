using System.Text.Json.Nodes;
using Pcc.Infra.Tests.Support;

namespace Pcc.Infra.Tests;

/// <summary>The compiled template is shared by test classes that run in parallel; what they read must not depend on timing.</summary>
public sealed class SharedTemplateTests
{
    [Fact]
    public void ThreadsReadingTheTemplateAtOnceSeeTheSameModule()
    {
        var json = Templates.Main.Template.ToJsonString();

        // Each round is a fresh tree read first by two threads released together, as two test classes would.
        for (var round = 0; round < 200; round++)
        {
            var template = new ArmScope(Bicep.Parse(json));
            var seen = new JsonObject?[2];
            using var start = new Barrier(seen.Length);
            var readers = Enumerable.Range(0, seen.Length).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                seen[i] = IdentityModule(template);
            })).ToList();
            readers.ForEach(r => r.Start());
            readers.ForEach(r => r.Join());

            Assert.Same(seen[0], seen[1]);
            Assert.Same(seen[0], IdentityModule(template));
        }
    }

    private static JsonObject IdentityModule(ArmScope template) =>
        template.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Scope.Template;
}
