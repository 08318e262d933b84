using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Newsroom.Desk.Pages;

public sealed class SignInModel(DeskSignIn signIn, DeskOptions options, Newsroom.Infrastructure.Tenancy.Publications publications) : PageModel
{
    public DeskOptions Options => options;

    /// <summary>One list of demo users per publication where the service serves several; one list (null) otherwise.</summary>
    public IReadOnlyList<(string? Id, string Name)> DemoPublications =>
        publications.Several ? publications.Ids.Select(id => ((string?)id, publications.NameOf(id))).ToList() : [(null, "")];
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet(string? failed)
    {
        if (failed == "provider") Error = $"Signing in with {options.Provider} did not succeed. Try again.";
    }

    public string ProviderHref => Url.Page("/SignIn", "Provider", new { returnUrl = SafeReturnUrl() })!;

    /// <summary>Off to the provider (authorization code with PKCE); it comes back to the desk's callback, then to the return URL.</summary>
    public IActionResult OnGetProvider()
    {
        if (options.Provider is null) return NotFound();
        return Challenge(new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = SafeReturnUrl() }, DeskProviderSignIn.Scheme);
    }

    public async Task<IActionResult> OnPostTokenAsync(string? token)
    {
        if (!options.TokenSignIn) return NotFound();
        Error = await signIn.WithTokenAsync(HttpContext, token);
        return Error is null ? Redirect(SafeReturnUrl()) : Page();
    }

    public async Task<IActionResult> OnPostDemoAsync(string? user, string? publication)
    {
        if (!options.DemoUsers) return NotFound();
        Error = await signIn.AsDemoUserAsync(HttpContext, user ?? "", publication);
        return Error is null ? Redirect(SafeReturnUrl()) : Page();
    }

    // Only back into the desk: a sign-in link must not be able to send people elsewhere.
    private string SafeReturnUrl() =>
        ReturnUrl is { } url && url.StartsWith("/desk", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/desk";
}
