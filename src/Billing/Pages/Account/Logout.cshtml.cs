using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Account;

public sealed class LogoutModel : BooksPage
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        // Revoke the API token too, so the session cannot be replayed from a copied cookie.
        await Api.DeleteAsync("api/v1/tokens/current");
        await PageSession.SignOutAsync(HttpContext);
        return LocalRedirect("/login");
    }
}
