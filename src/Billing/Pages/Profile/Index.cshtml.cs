using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Pdf;
using BillingBooks.Billing.Storage;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Profile;

/// <summary>The account's own profile (never a client's: a bookkeeper edits only their own).</summary>
[RequestSizeLimit(2 * 1024 * 1024)]
public sealed class IndexModel(Database db) : BooksPage
{
    public static readonly string[] Provinces = ["ON", "QC", "BC", "AB", "MB", "SK", "NS", "NB", "NL", "PE", "YT", "NT", "NU"];

    public bool HasLogo { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (ReadOnly)
        {
            return LocalRedirect("/");
        }

        var profile = await Api.GetAsync<ProfileDocument>("api/v1/profile");
        if (Failed(profile) is { } failed)
        {
            return failed;
        }

        Fill(profile.Value!);
        await LoadLogoFlagAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        KeepPostedValues();
        var saved = await Api.PutAsync<ProfileDocument>("api/v1/profile", Read());
        if (saved.Problem is not null)
        {
            await LoadLogoFlagAsync();
            return Show(saved.Problem);
        }

        Notice = "Your profile is saved.";
        return LocalRedirect("/profile");
    }

    public async Task<IActionResult> OnPostPresetAsync(string? province)
    {
        var saved = await Api.PostAsync<ProfileDocument>("api/v1/profile/taxes/preset", new TaxPresetRequest(province));
        if (saved.Problem is not null)
        {
            return Show(saved.Problem);
        }

        Notice = $"Taxes are filled from the {province} rates.";
        return LocalRedirect("/profile");
    }

    public async Task<IActionResult> OnPostLogoAsync(IFormFile? logo)
    {
        var profile = await Api.GetAsync<ProfileDocument>("api/v1/profile");
        if (Failed(profile) is { } failed)
        {
            return failed;
        }

        Fill(profile.Value!);
        byte[] data = [];
        if (logo is not null && logo.Length <= Logos.MaxBytes)
        {
            using var buffer = new MemoryStream();
            await logo.CopyToAsync(buffer, HttpContext.RequestAborted);
            data = buffer.ToArray();
        }
        else if (logo is not null)
        {
            data = new byte[logo.Length > int.MaxValue ? int.MaxValue : (int)logo.Length];
        }

        var (contentType, error) = Logos.Check(data);
        if (error is not null)
        {
            await LoadLogoFlagAsync();
            return OnForm(new Problem("about:blank", "Invalid input", 422, null, new Dictionary<string, string[]> { ["logo"] = [error] }));
        }

        await using var session = await db.BeginAsync(HttpContext.RequestAborted);
        await Logos.WriteAsync(session, OwnAccount(), contentType!, data);
        await session.CommitAsync(HttpContext.RequestAborted);
        Notice = "Your logo is saved; it appears on your invoices.";
        return LocalRedirect("/profile");
    }

    public async Task<IActionResult> OnGetLogoAsync()
    {
        await using var session = await db.BeginSnapshotAsync(HttpContext.RequestAborted);
        var logo = await Logos.ReadAsync(session, OwnAccount());
        return logo is null ? NotFound() : File(logo.Data, logo.ContentType);
    }

    private AccountId OwnAccount() => new(long.Parse(Session!.AccountId, System.Globalization.CultureInfo.InvariantCulture));

    private async Task LoadLogoFlagAsync()
    {
        await using var session = await db.BeginSnapshotAsync(HttpContext.RequestAborted);
        HasLogo = await Logos.ReadAsync(session, OwnAccount()) is not null;
    }

    private void Fill(ProfileDocument p)
    {
        Values["companyName"] = p.CompanyName;
        Values["contactName"] = p.ContactName;
        Values["phone"] = p.Phone;
        Values["fax"] = p.Fax;
        Values["website"] = p.Website;
        Values["currency"] = p.Currency;
        Values["timeZone"] = p.TimeZone;
        Values["invoiceComments"] = p.InvoiceComments;
        Values["quoteComments"] = p.QuoteComments;
        Values["address.line1"] = p.Address?.Line1;
        Values["address.line2"] = p.Address?.Line2;
        Values["address.city"] = p.Address?.City;
        Values["address.province"] = p.Address?.Province;
        Values["address.postalCode"] = p.Address?.PostalCode;
        Values["address.country"] = p.Address?.Country;
        Values["province"] = p.Address?.Province;
        TaxForm.Fill(Values, p.Taxes);
    }

    private ProfileDocument Read() => new(
        Posted("companyName"),
        Posted("contactName"),
        new Address(Posted("address.line1"), Posted("address.line2"), Posted("address.city"), Posted("address.province"), Posted("address.postalCode"), Posted("address.country")),
        Posted("phone"),
        Posted("fax"),
        Posted("website"),
        Posted("timeZone"),
        Posted("currency"),
        Posted("invoiceComments"),
        Posted("quoteComments"),
        TaxForm.Read(Posted, Checked));
}
