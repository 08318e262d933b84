using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Newsroom.Desk.Pages;

public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/desk");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(DeskModule.Scheme);
        return Redirect("/desk/sign-in");
    }
}
