using Dapper;
using VideoGen.Grains.Storage;

namespace VideoGen.TestSupport;

/// <summary>
/// Every row of the studio's tables as text, to prove that a request changed nothing: take
/// one before, one after, and compare.
/// </summary>
public static class StoreSnapshot
{
    private static readonly string[] Tables = ["users", "projects", "sections", "sentences", "jobs", "devices", "events", "exports"];

    public static Task<string> TakeAsync(Database database) =>
        database.ReadAsync(async connection =>
        {
            var lines = new List<string>();
            foreach (var table in Tables)
            {
                var rows = await connection.QueryAsync($"SELECT * FROM {table} ORDER BY 1");
                lines.AddRange(rows.Cast<IDictionary<string, object?>>()
                    .Select(row => $"{table}: " + string.Join(", ", row.Select(c => $"{c.Key}={c.Value}"))));
            }
            return string.Join('\n', lines);
        }, CancellationToken.None);
}
