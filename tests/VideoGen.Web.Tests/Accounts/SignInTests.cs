using System.Net;
using VideoGen.TestSupport;

namespace VideoGen.Web.Tests.Accounts;

public sealed class SignInTests
{
    [Fact]
    public async Task PageRequest_Anonymous_GoesToLoginAndComesBackAfterSigningIn()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        await factory.SignedInAsync("maker@example.test");
        using var client = factory.Browser();

        var first = await client.GetAsync("/Profile?tab=usage");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2FProfile%3Ftab%3Dusage", first.Headers.Location!.PathAndQuery);

        var login = await client.LoginAsync("maker@example.test", returnUrl: "/Profile?tab=usage");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/Profile?tab=usage", login.Headers.Location!.OriginalString);
        Assert.Contains("maker@example.test", await client.GetStringAsync("/Profile"));
    }

    [Fact]
    public async Task FragmentRequest_Anonymous_AsksHtmxToLoadTheLoginPageForTheCurrentPage()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Profile?handler=Card");
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Current-URL", "http://localhost/Profile?tab=usage");

        using var response = await factory.Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2FProfile%3Ftab%3Dusage", response.Headers.GetValues("HX-Redirect").Single());
    }

    [Fact]
    public async Task Login_WithAForeignReturnUrl_StaysOnTheStudio()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        await factory.SignedInAsync("maker@example.test");

        var login = await factory.Browser().LoginAsync("maker@example.test", returnUrl: "https://evil.example/steal");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_WithAWrongPassword_ShowsTheMessageAndStaysSignedOut()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        await factory.SignedInAsync("maker@example.test");
        using var client = factory.Browser();

        var response = await client.LoginAsync("maker@example.test", "Wrong-password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or the password is wrong.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Profile")).StatusCode);
    }

    [Fact]
    public async Task Login_WithEmptyFields_ShowsValidationMessages()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);

        var response = await factory.Browser().PostFormAsync("/Account/Login", new() { ["Input.Email"] = "not an email", ["Input.Password"] = "" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter an email address such as name@example.com.", html);
        Assert.Contains("Enter your password.", html);
    }

    [Fact]
    public async Task Login_AfterRepeatedFailures_IsLockedOutEvenWithTheRightPassword()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db, new Dictionary<string, string?> { ["Accounts:MaxFailedAccessAttempts"] = "3" });
        await factory.SignedInAsync("maker@example.test");
        using var client = factory.Browser();

        for (var i = 0; i < 3; i++) await client.LoginAsync("maker@example.test", "Wrong-password-1");
        var response = await client.LoginAsync("maker@example.test");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("this account is locked", await response.Content.ReadAsStringAsync());
        var api = await factory.Browser().PostAsync("/api/v1/auth/login",
            System.Net.Http.Json.JsonContent.Create(new { email = "maker@example.test", password = AccountClient.Password }));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains("LockedOut", await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logout_EndsTheSessionAndNeedsTheAntiforgeryToken()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        using var client = await factory.SignedInAsync("maker@example.test");

        var forged = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Profile")).StatusCode);

        var response = await client.PostFormAsync("/Account/Logout", new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Profile")).StatusCode);
    }

    [Fact]
    public async Task Register_WithAWeakPasswordOrATakenEmail_ShowsWhy()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db);
        await factory.SignedInAsync("maker@example.test");

        var weak = await factory.Browser().RegisterAsync("other@example.test", "short");
        var taken = await factory.Browser().RegisterAsync("MAKER@example.test");
        var mismatch = await factory.Browser().PostFormAsync("/Account/Register",
            new() { ["Input.Email"] = "third@example.test", ["Input.Password"] = AccountClient.Password, ["Input.ConfirmPassword"] = "Other-42-pass" });

        Assert.Contains("Passwords must be at least 6 characters.", await weak.Content.ReadAsStringAsync());
        Assert.Contains("is already taken.", await taken.Content.ReadAsStringAsync());
        Assert.Contains("The two passwords differ.", await mismatch.Content.ReadAsStringAsync());
        Assert.Equal(1, await db.UserCountAsync());
    }

    [Fact]
    public async Task Register_WhenClosed_AcceptsOnlyTheFirstAccount()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var factory = new StudioFactory(db, new Dictionary<string, string?> { ["Accounts:AllowRegistration"] = "false" });
        using var anonymous = factory.Browser();
        Assert.Contains("Create account", await anonymous.GetStringAsync("/Account/Register"));

        await factory.SignedInAsync("operator@example.test");

        Assert.Contains("Registration is closed", await anonymous.GetStringAsync("/Account/Register"));
        var page = await anonymous.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AccountClient.AntiforgeryToken(await anonymous.GetStringAsync("/Account/Login")),
            ["Input.Email"] = "late@example.test", ["Input.Password"] = AccountClient.Password, ["Input.ConfirmPassword"] = AccountClient.Password,
        }));
        Assert.Contains("Registration is closed", await page.Content.ReadAsStringAsync());
        var api = await anonymous.PostAsync("/api/v1/auth/register",
            System.Net.Http.Json.JsonContent.Create(new { email = "late2@example.test", password = AccountClient.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("RegistrationClosed", await api.Content.ReadAsStringAsync());
        Assert.Equal(1, await db.UserCountAsync());
    }
}
