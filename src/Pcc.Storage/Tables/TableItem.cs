namespace Pcc.Storage.Tables;

/// <summary>A table in the account.</summary>
public sealed class TableItem
{
    /// <summary>Creates an item for the table called <paramref name="name"/>.</summary>
    public TableItem(string name) => Name = name;

    /// <summary>The table's name.</summary>
    public string Name { get; }
}
