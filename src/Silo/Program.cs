using VideoGen.Grains.Jobs;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Extensions;

namespace VideoGen.Silo;

/// <summary>A standalone silo: runs the devices of one GPU box against the shared store.</summary>
public static class SiloProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddVideoGenStore();
        // Tests of a silo frozen inside a transaction hold its first completion open on purpose.
        if (CompletionHold.FromEnvironment() is { } hold) builder.Services.AddSingleton(hold);
        builder.AddSilo();
        builder.AddOrleansCluster();

        var app = builder.Build();
        app.MapVideoGenHealth();
        app.Run();
    }
}
