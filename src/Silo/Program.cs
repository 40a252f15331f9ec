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
        builder.AddSilo();
        builder.AddOrleansCluster();

        var app = builder.Build();
        app.MapVideoGenHealth();
        app.Run();
    }
}
