using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using VideoGen.Web.Accounts;

namespace VideoGen.Web.Pages.Account;

/// <summary>Create an account and sign in with it. The first account of an installation is its operator.</summary>
[AllowAnonymous]
public sealed class RegisterModel(
    UserManager<StudioUser> users, SignInManager<StudioUser> signIn, UserStore store, IOptions<AccountsOptions> options) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the form is offered: registration is open, or no account exists yet.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>No account exists yet: the one registered here becomes the operator.</summary>
    public bool IsFirst { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var user = new StudioUser { UserName = Input.Email, Email = Input.Email };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(FieldOf(error), error.Description);
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        IsFirst = !await store.HasAccountsAsync(ct);
        IsOpen = options.Value.AllowRegistration || IsFirst;
    }

    private static string FieldOf(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password"
        : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.Email"
        : string.Empty;

    /// <summary>The registration form.</summary>
    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.com.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Enter the password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
        [Display(Name = "Password again")]
        public string ConfirmPassword { get; set; } = "";
    }
}
