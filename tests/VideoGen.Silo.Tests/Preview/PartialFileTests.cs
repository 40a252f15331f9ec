using VideoGen.Silo.Preview;
using VideoGen.Silo.Tests.Media;

namespace VideoGen.Silo.Tests.Preview;

public sealed class PartialFileTests
{
    [Fact]
    public void Commit_WrittenFile_MovesItIntoPlace()
    {
        using var folder = new TempFolder();
        using var partial = new PartialFile(folder.Path, "scene-1", ".png");
        File.WriteAllText(partial.TempPath, "picture");

        var path = partial.Commit();

        Assert.Equal(folder.File("scene-1.png"), path);
        Assert.Equal(["scene-1.png"], folder.FileNames());
        Assert.Equal("picture", File.ReadAllText(path));
    }

    [Fact]
    public void TempPath_BeforeCommit_IsHiddenInTheSameFolder()
    {
        using var folder = new TempFolder();
        using var partial = new PartialFile(folder.Path, "scene-1", ".mp4");

        Assert.Equal(folder.Path, Path.GetDirectoryName(partial.TempPath));
        Assert.StartsWith(".scene-1.", Path.GetFileName(partial.TempPath));
        Assert.NotEqual(partial.FinalPath, partial.TempPath);
    }

    [Fact]
    public void Dispose_NotCommitted_DeletesTheTemporaryFile()
    {
        using var folder = new TempFolder();
        var partial = new PartialFile(folder.Path, "scene-1", ".png");
        File.WriteAllText(partial.TempPath, "half a picture");

        partial.Dispose();

        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public void Commit_NothingWritten_Throws()
    {
        using var folder = new TempFolder();
        using var partial = new PartialFile(folder.Path, "scene-1", ".png");

        Assert.Throws<FileNotFoundException>(() => partial.Commit());
        Assert.Empty(folder.FileNames());
    }
}
