using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VideoGen.Web.Accounts;

namespace VideoGen.Web.Pages.Account;

/// <summary>Sign out: a POST (with its anti-forgery token), so another site cannot sign a creator out.</summary>
public sealed class LogoutModel(SignInManager<StudioUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
