namespace Pcc.Cli;

/// <summary>Finds the editable <c>seeds/themes.json</c> by walking up from where the tool runs.</summary>
public static class TaxonomyLocator
{
    /// <summary>The first <c>seeds/themes.json</c> in any of <paramref name="startDirectories"/> or their parents; null when there is none.</summary>
    public static string? Find(params string[] startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "seeds", "themes.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
