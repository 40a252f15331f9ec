using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using VideoGen.Web.Extensions;

namespace VideoGen.Web.Tests.Accounts;

/// <summary>
/// How tests act as a creator: through the real pages (a cookie client that fetches the
/// anti-forgery token from the page first, for a form post or for a request as htmx sends it)
/// or through the token API (a bearer client).
/// </summary>
public static partial class AccountClient
{
    public const string Password = "Tide-pool-42";

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient Browser(this StudioFactory factory) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Registers through the page; the client is signed in with the login cookie afterwards.</summary>
    public static async Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string email, string password = Password) =>
        await client.PostFormAsync("/Account/Register", new() { ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password });

    /// <summary>Signs in through the login page.</summary>
    public static async Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password = Password, string? returnUrl = null) =>
        await client.PostFormAsync(returnUrl is null ? "/Account/Login" : $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>A new cookie client signed in as a newly registered account.</summary>
    public static async Task<HttpClient> SignedInAsync(this StudioFactory factory, string email)
    {
        var client = factory.Browser();
        var response = await client.RegisterAsync(email);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Registering {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>Loads <paramref name="path"/>, then posts its form with the anti-forgery token it carries.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>The anti-forgery token of the page's form, which a form post sends in its fields.</summary>
    public static string AntiforgeryToken(string html) =>
        TokenField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The page has no anti-forgery token.");

    /// <summary>The anti-forgery token the page's layout gives htmx (its <c>hx-headers</c>), which every htmx request sends in a header.</summary>
    public static string HtmxAntiforgeryToken(string html) =>
        HtmxTokenHeader().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The page carries no anti-forgery token for htmx.");

    /// <summary>A GET as htmx sends it.</summary>
    public static async Task<HttpResponseMessage> HtmxGetAsync(this HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        return await client.SendAsync(request);
    }

    /// <summary>
    /// A POST as htmx sends it from <paramref name="page"/> (its HTML): the form fields, and the token the
    /// page gives htmx unless <paramref name="withToken"/> is false.
    /// </summary>
    public static async Task<HttpResponseMessage> HtmxPostAsync(this HttpClient client, string url, string page, Dictionary<string, string>? form = null, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form ?? []) };
        request.Headers.Add("HX-Request", "true");
        if (withToken) request.Headers.Add(WebUiExtensions.AntiforgeryHeader, HtmxAntiforgeryToken(page));
        return await client.SendAsync(request);
    }

    /// <summary>Registers through the API and logs in; returns the login answer (access and refresh token).</summary>
    public static async Task<JsonElement> TokensAsync(this HttpClient client, string email, string password = Password)
    {
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password });
        if (!registered.IsSuccessStatusCode)
            throw new InvalidOperationException($"API registration of {email} answered {(int)registered.StatusCode}: {await registered.Content.ReadAsStringAsync()}");
        return await client.LoginTokensAsync(email, password);
    }

    /// <summary>Logs an existing account in through the API; returns the login answer.</summary>
    public static async Task<JsonElement> LoginTokensAsync(this HttpClient client, string email, string password = Password)
    {
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        return await login.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// A new client of <paramref name="factory"/> that sends a bearer token of <paramref name="email"/> with
    /// every request: the account is registered through the API first, unless <paramref name="alreadyRegistered"/>.
    /// </summary>
    public static async Task<HttpClient> BearerClientAsync(this StudioFactory factory, string email, bool alreadyRegistered = false)
    {
        var client = factory.CreateClient();
        var tokens = alreadyRegistered ? await client.LoginTokensAsync(email) : await client.TokensAsync(email);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>A request carrying <paramref name="accessToken"/>.</summary>
    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string accessToken)
    {
        request.Headers.Authorization = new("Bearer", accessToken);
        return request;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("\"" + WebUiExtensions.AntiforgeryHeader + "\": \"([^\"]+)\"")]
    private static partial Regex HtmxTokenHeader();
}
