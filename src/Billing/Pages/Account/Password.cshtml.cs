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
        var result = await Api.PutAsync<NoContent>("api/v1/password", change);
        if (result.Problem is not null)
        {
            return Show(result.Problem);
        }

        Notice = "Your password is changed.";
        return LocalRedirect("/");
    }
}
