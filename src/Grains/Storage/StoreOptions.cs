namespace VideoGen.Grains.Storage;

/// <summary>Configuration section <c>Store</c>: which database holds the studio's state.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";
    public const string DefaultConnectionString = "Data Source=data/videogen.db";

    /// <summary><c>sqlite</c> (embedded default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    public string ConnectionString { get; set; } = DefaultConnectionString;

    public StoreProvider ParsedProvider => Provider.Trim().ToLowerInvariant() switch
    {
        "sqlite" => StoreProvider.Sqlite,
        "postgres" or "postgresql" => StoreProvider.Postgres,
        _ => throw new InvalidOperationException($"Store:Provider must be 'sqlite' or 'postgres' (got '{Provider}')."),
    };
}

/// <summary>The database engines the store runs on.</summary>
public enum StoreProvider
{
    Sqlite = 1,
    Postgres = 2,
}
