using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Account;

public sealed class PasswordModel : BooksPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        KeepPostedValues();
        var change = new PasswordChange(Value("currentPassword"), Value("newPassword"));
        Values["currentPassword"] = "";
        Values["newPassword"] = "";
        var result = await Api.PutAsync<TokenResponse>("api/v1/password", change);
        if (result.Problem is not null)
        {
            return Show(result.Problem);
        }

        // Every session ended with the old password, this one too: carry on in the fresh one.
        await PageSession.SignInAsync(HttpContext, result.Value!);
        Notice = "Your password is changed; every other browser and app is signed out.";
        return LocalRedirect("/");
    }
}
