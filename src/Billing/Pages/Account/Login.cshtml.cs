using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Account;

public sealed class LoginModel : BooksPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        KeepPostedValues();
        var token = await Api.AnonymousPostAsync<TokenResponse>("api/v1/tokens", new TokenRequest(Posted("email") ?? "", Value("password")));
        Values["password"] = "";
        if (token.Problem is not null)
        {
            // A wrong password is 401 here, not a lost session: say so on the form.
            return OnForm(token.Problem);
        }

        await PageSession.SignInAsync(HttpContext, token.Value!);
        return LocalRedirect(ReturnUrl ?? "/");
    }
}
