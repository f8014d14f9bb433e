using Broadsheet.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Broadsheet.Data.Identity;

namespace Broadsheet.Accounts;

/// <summary>Signing out is a POST (the header's button); a GET only offers the button.</summary>
[NeverStored]
public sealed class SignOutModel(SignInManager<User> signIn, ILogger<SignOutModel> log) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.UserId() is int id) log.LogInformation("User {UserId} signed out", id);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
