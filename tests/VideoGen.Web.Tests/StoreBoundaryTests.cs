using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace VideoGen.Web.Tests;

/// <summary>The web app reaches the database only through the store interfaces of VideoGen.Grains: its compiled code names no SQL client.</summary>
public sealed class StoreBoundaryTests
{
    [Fact]
    public void WebAssembly_NamesNoDatabaseConnectionOrSqlLibrary()
    {
        using var file = File.OpenRead(typeof(Program).Assembly.Location);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();
        var types = metadata.TypeReferences.Select(h => metadata.GetTypeReference(h))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")
            .ToArray();
        var assemblies = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToArray();
        // The reader sees the store interfaces the app does use, so an empty answer below means something.
        Assert.Contains("VideoGen.Grains.Storage.IOwnershipStore", types);

        Assert.DoesNotContain(assemblies, a => a is "Dapper" or "Npgsql" or "Microsoft.Data.Sqlite");
        Assert.DoesNotContain(types, t => t is "VideoGen.Grains.Storage.Database" or "System.Data.Common.DbConnection"
            or "System.Data.Common.DbTransaction" or "System.Data.IDbConnection");
    }
}
