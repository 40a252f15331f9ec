using VideoGen.Silo.Tests.Media;

namespace VideoGen.Silo.Tests.Preview;

/// <summary>One 640×360 test picture shared by the clip tests: detailed enough that every camera move shows.</summary>
public sealed class StartPicture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string Path => _folder.File("start.png");

    public async Task InitializeAsync() => await MediaTools.WriteTestPictureAsync(Path, 640, 360);

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
