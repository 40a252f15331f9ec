using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace VideoGen.Grains.Storage;

/// <summary>Fails start-up with a message naming the key when the store is misconfigured.</summary>
public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        var provider = options.Provider?.Trim().ToLowerInvariant();
        if (provider is not ("sqlite" or "postgres" or "postgresql"))
            return ValidateOptionsResult.Fail($"Store:Provider must be 'sqlite' or 'postgres' (got '{options.Provider}').");
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail("Store:ConnectionString is empty: give a connection string for the chosen Store:Provider.");
        try
        {
            if (provider == "sqlite")
            {
                var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.DataSource))
                    return ValidateOptionsResult.Fail("Store:ConnectionString has no 'Data Source' (a file such as data/videogen.db).");
            }
            else
            {
                var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrWhiteSpace(builder.Host))
                    return ValidateOptionsResult.Fail("Store:ConnectionString has no 'Host' for PostgreSQL.");
            }
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"Store:ConnectionString is not a valid {provider} connection string: {e.Message}");
        }
        return ValidateOptionsResult.Success;
    }
}
