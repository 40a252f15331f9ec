using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace VideoGen.Grains.Storage;

/// <summary>Dapper's process-wide settings for the store: snake_case columns, ids as text in SQLite.</summary>
internal static class DapperSetup
{
    private static readonly Lazy<bool> Configured = new(() =>
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.AddTypeHandler(new GuidHandler());
        return true;
    });

    public static void EnsureConfigured() => _ = Configured.Value;

    /// <summary>SQLite keeps ids as readable text; PostgreSQL as native uuid.</summary>
    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString();
            }
            else
            {
                parameter.DbType = DbType.Guid;
                parameter.Value = value;
            }
        }

        public override Guid Parse(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            byte[] bytes => new Guid(bytes),
            _ => throw new DataException($"Cannot read a {value.GetType().Name} as an id."),
        };
    }
}
