using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VideoGen.Grains.Storage;
using VideoGen.Silo.Lanes;
using VideoGen.TestSupport;
using VideoGen.Web.Tests.Accounts;

namespace VideoGen.Web.Tests.Exports;

public sealed class MediaEndpointTests
{
    private static readonly byte[] Video = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray();

    private static async Task<(CreatorStudio Studio, ExportView Export)> ExportedAsync(string provider = "sqlite", string name = "My Project: Tides!")
    {
        var studio = await CreatorStudio.StartAsync(provider, name);
        return (studio, await studio.ExportAsync(video: Video));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Range_OfAnExport_Answers206WithThoseBytes(string provider)
    {
        var (studio, export) = await ExportedAsync(provider);
        await using var owned = studio;
        var url = $"/media/{export.File}";

        using var whole = await studio.Alice.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(1000, 1999);
        using var part = await studio.Alice.SendAsync(request);
        using var tailRequest = new HttpRequestMessage(HttpMethod.Get, url);
        tailRequest.Headers.Range = new RangeHeaderValue(null, 100);
        using var tail = await studio.Alice.SendAsync(tailRequest);

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        Assert.Equal("video/mp4", whole.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Video, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("bytes 1000-1999/10000", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(Video[1000..2000], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes 9900-9999/10000", tail.Content.Headers.ContentRange!.ToString());
        Assert.Equal(Video[9900..], await tail.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Media_WithABearerToken_IsServedAndEachKindHasItsType()
    {
        var (studio, export) = await ExportedAsync();
        await using var owned = studio;
        var image = (await studio.Db.Database.ReadAsync(c => Dapper.SqlMapper.QuerySingleAsync<string>(c, "SELECT image_file FROM sentences"), CancellationToken.None));
        await WriteAsync(studio.Factory, image, [0x89, 0x50, 0x4E, 0x47]);
        using var client = await studio.Factory.BearerClientAsync(CreatorStudio.Email, alreadyRegistered: true);

        foreach (var (path, type) in new[] { (export.File!, "video/mp4"), (export.Thumbnail!, "image/jpeg"), (export.SubtitlesFile!, "application/x-subrip"), (image, "image/png") })
        {
            using var response = await client.GetAsync($"/media/{path}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task Download_OfAnExport_IsAnAttachmentNamedAfterTheProjectAndTimeAndId()
    {
        var (studio, export) = await ExportedAsync(name: "Café Crème: Tides & Gulls!");
        await using var owned = studio;

        using var video = await studio.Alice.GetAsync($"/media/{export.File}?download=1");
        using var subtitles = await studio.Alice.GetAsync($"/media/{export.SubtitlesFile}?download=1");
        using var inline = await studio.Alice.GetAsync($"/media/{export.File}");

        var made = $"{export.CreatedAt.UtcDateTime:yyyy-MM-dd_HHmm}_{export.Id.ToString("N")[^6..]}";
        Assert.Equal("attachment", video.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"ad_café_crème_tides_gulls_{made}.mp4", video.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal($"ad_café_crème_tides_gulls_{made}.srt", subtitles.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Null(inline.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task Download_OfTwoExportsOfOneProject_HasDistinctNames()
    {
        var (studio, first) = await ExportedAsync();
        await using var owned = studio;
        var second = await studio.ExportAsync(video: Video);

        var names = new List<string?>();
        foreach (var file in new[] { first.File, first.SubtitlesFile, second.File, second.SubtitlesFile })
        {
            using var response = await studio.Alice.GetAsync($"/media/{file}?download=1");
            names.Add(response.Content.Headers.ContentDisposition!.FileNameStar);
        }

        Assert.Equal(4, names.Distinct().Count());
        Assert.Equal(Path.GetFileNameWithoutExtension(names[0]), Path.GetFileNameWithoutExtension(names[1]));
    }

    public static TheoryData<string> TraversalUrls => new()
    {
        "/media/..%2F..%2Fsecret.txt",
        "/media/projects%2F..%2F..%2F..%2Fsecret.txt",
        "/media/%2e%2e/%2e%2e/secret.txt",
        "/media/projects/.%2e/.%2e/secret.txt",
        "/media/%2Fetc%2Fpasswd",
        "/media/..%5C..%5Csecret.txt",
        "/media/projects/%252e%252e/secret.txt",
    };

    [Theory]
    [MemberData(nameof(TraversalUrls))]
    public async Task PathTraversal_ThroughTheClient_NeverLeavesTheRoot(string url)
    {
        var (studio, _) = await ExportedAsync();
        await using var owned = studio;
        await File.WriteAllTextAsync(Path.Combine(studio.Factory.MediaRoot, "..", "secret.txt"), "top secret");

        using var response = await studio.Alice.GetAsync(url);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
        Assert.DoesNotContain("top secret", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/media/../secret.txt")]
    [InlineData("/media/projects/../../secret.txt")]
    [InlineData("/media//etc/passwd")]
    [InlineData("/media/C:/Windows/win.ini")]
    [InlineData("/media/projects/..\\..\\secret.txt")]
    [InlineData("/media/./projects/x.png")]
    public async Task PathTraversal_AsRawRequestPaths_IsRefusedWith400(string path)
    {
        var (studio, _) = await ExportedAsync();
        await using var owned = studio;
        using var bearer = await studio.Factory.BearerClientAsync(CreatorStudio.Email, alreadyRegistered: true);

        var context = await studio.Factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
            c.Request.Headers.Authorization = bearer.DefaultRequestHeaders.Authorization!.ToString();
        });

        Assert.Equal(StatusCodes.Status400BadRequest, context.Response.StatusCode);
    }

    /// <summary>
    /// A request cannot name a path outside the root (the tests above), and the endpoint serves only the file
    /// the app's <see cref="MediaFiles"/> maps a stored path to: a stored path that escapes the root maps to none.
    /// </summary>
    [Fact]
    public async Task StoredPathOutsideTheRoot_MapsToNoFile()
    {
        await using var studio = await CreatorStudio.StartAsync();
        var media = studio.Factory.Services.GetRequiredService<MediaFiles>();
        var outside = Path.GetFullPath(Path.Combine(studio.Factory.MediaRoot, "..", "secret.txt"));

        Assert.Equal(Path.Combine(media.Root, "projects", "x", "audio.wav"), media.ToAbsolute("projects/x/audio.wav"));
        Assert.All(new[] { "../secret.txt", "projects/../../secret.txt", $"../{Path.GetFileName(media.Root)}-elsewhere/secret.txt", outside },
            stored => Assert.Null(media.ToAbsolute(stored)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Media_OfAnotherAccountOrUnknown_Answers404(string provider)
    {
        var (studio, export) = await ExportedAsync(provider);
        await using var owned = studio;
        using var bob = await studio.Factory.SignedInAsync("bob@example.test");
        await WriteAsync(studio.Factory, "projects/loose/file.mp4", [1, 2, 3]);

        using var others = await bob.GetAsync($"/media/{export.File}");
        using var unknown = await bob.GetAsync("/media/projects/loose/file.mp4");
        using var download = await bob.GetAsync($"/media/{export.File}?download=1");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (others.StatusCode, unknown.StatusCode, download.StatusCode));
    }

    private static async Task WriteAsync(StudioFactory factory, string stored, byte[] bytes)
    {
        var path = Path.Combine(factory.MediaRoot, stored);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes);
    }
}
