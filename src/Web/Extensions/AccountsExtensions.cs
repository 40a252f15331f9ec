using Htmx;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VideoGen.Web.Accounts;

namespace VideoGen.Web.Extensions;

/// <summary>
/// Accounts: Identity on the studio's store, the login cookie for pages and bearer tokens for
/// the API, and a fallback policy that makes every route require a signed-in account unless it
/// allows anonymous access explicitly, so routes added later are protected by default.
/// </summary>
public static class AccountsExtensions
{
    public const string LoginPath = "/Account/Login";

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccountsOptions>, AccountsOptionsValidator>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountsOptions>>((identity, accounts) =>
        {
            identity.User.RequireUniqueEmail = true;
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedAccessAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = accounts.Value.LockoutDuration;
        });

        services.AddAuthentication(AccountSchemes.Selector)
            .AddPolicyScheme(AccountSchemes.Selector, "Cookie for pages, bearer token for the API", o => o.ForwardDefaultSelector = AccountSchemes.Select)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = "/Account/Logout";
            cookie.Cookie.Name = "videogen.login";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Events.OnRedirectToLogin = RedirectToLoginAsync;
            // A signed-in creator who opens an operator page gets a plain 403, not a detour to a login they already have.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AccountPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(AccountPolicies.AdminRole));

        services.AddScoped<UserStore>();
        services.AddIdentityCore<StudioUser>()
            .AddUserStore<UserStore>()
            .AddClaimsPrincipalFactory<StudioClaimsPrincipalFactory>()
            .AddApiEndpoints()
            .AddSignInManager<StudioSignInManager>();

        services.AddSingleton<OwnershipCheck>();
        services.AddSingleton<OwnershipPageFilter>();
        // Before every page's own handler filter (a page model's OnPageHandlerExecutionAsync), so no page code runs for another's id.
        services.Configure<MvcOptions>(mvc => mvc.Filters.AddService<OwnershipPageFilter>(int.MinValue));
        return builder;
    }

    /// <summary>
    /// A page request goes to the login page. An htmx fragment request would swap the login
    /// page into the fragment instead, so htmx is told to load the login page as a whole,
    /// coming back to the page the creator was on (not to the fragment's URL).
    /// </summary>
    private static Task RedirectToLoginAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (!context.Request.IsHtmx(out var htmx))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        var page = Uri.TryCreate(htmx!.CurrentUrl, UriKind.Absolute, out var current) ? current.PathAndQuery : "/";
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Htmx(h => h.Redirect($"{LoginPath}?ReturnUrl={Uri.EscapeDataString(page)}"));
        return Task.CompletedTask;
    }
}
