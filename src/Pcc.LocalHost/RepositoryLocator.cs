namespace Pcc.LocalHost;

/// <summary>Finds the repository checkout: the folder holding <c>PccFunctions.sln</c>, above the current or the app's directory.</summary>
public static class RepositoryLocator
{
    /// <summary>The checkout's root, or null when the host runs outside one.</summary>
    public static string? Find(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        return Above(Environment.CurrentDirectory) ?? Above(AppContext.BaseDirectory);
    }

    private static string? Above(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PccFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
