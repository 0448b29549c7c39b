using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Account;

public sealed class SignupModel : BooksPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        KeepPostedValues();
        var password = Value("password");
        Values["password"] = "";
        var account = await Api.AnonymousPostAsync<AccountResponse>("api/v1/signup", new SignupRequest(Posted("email") ?? "", password, Posted("companyName")));
        if (account.Problem is not null)
        {
            return OnForm(account.Problem);
        }

        var token = await Api.AnonymousPostAsync<TokenResponse>("api/v1/tokens", new TokenRequest(Posted("email") ?? "", password));
        if (token.Problem is not null)
        {
            return LocalRedirect(Keeping("/login"));
        }

        await PageSession.SignInAsync(HttpContext, token.Value!);
        if (ReturnUrl is { } back)
        {
            return LocalRedirect(back);
        }

        Notice = "Welcome! Complete your profile and taxes, then add a customer.";
        return LocalRedirect("/profile");
    }
}
