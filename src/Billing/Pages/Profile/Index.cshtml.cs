using BillingBooks.Billing.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Profile;

/// <summary>The account's own profile (never a client's: a bookkeeper edits only their own).</summary>
[RequestSizeLimit(2 * 1024 * 1024)]
public sealed class IndexModel : BooksPage
{
    private const int MaxLogoBytes = 1024 * 1024;

    public static readonly string[] Provinces = ["ON", "QC", "BC", "AB", "MB", "SK", "NS", "NB", "NL", "PE", "YT", "NT", "NU"];

    public bool HasLogo { get; private set; }

    /// <summary>Taxes are rows of the form ("Tax 2: ..."); the logo's file input keeps no value, but has its error.</summary>
    protected override ErrorPlaces Places => new ErrorPlaces().Rows("taxes", "Tax").Into("logo", "logo");

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

    /// <summary>The upload goes to PUT /api/v1/profile/logo, which checks its size and that its bytes are the image type claimed.</summary>
    public async Task<IActionResult> OnPostLogoAsync(IFormFile? logo)
    {
        ApiResult<NoContent> saved;
        if (logo is null || logo.Length == 0)
        {
            saved = new ApiResult<NoContent>(null, new Problem("about:blank", "Invalid input", 422, null, new Dictionary<string, string[]> { ["logo"] = ["choose a PNG or JPEG file of at most 1 MB"] }));
        }
        else if (logo.Length > MaxLogoBytes)
        {
            saved = new ApiResult<NoContent>(null, new Problem("about:blank", "Invalid input", 422, null, new Dictionary<string, string[]> { ["logo"] = [$"the file is {logo.Length / 1024} KB; a logo is at most 1 MB (1024 KB)"] }));
        }
        else
        {
            using var buffer = new MemoryStream();
            await logo.CopyToAsync(buffer, HttpContext.RequestAborted);
            saved = await Api.PutBytesAsync("api/v1/profile/logo", buffer.ToArray(), logo.ContentType);
        }

        if (saved.Problem is not null)
        {
            var profile = await Api.GetAsync<ProfileDocument>("api/v1/profile");
            if (profile.Value is not null)
            {
                Fill(profile.Value);
            }

            await LoadLogoFlagAsync();
            var problem = saved.Problem.Status == 413
                ? saved.Problem with { Status = 422, Errors = new Dictionary<string, string[]> { ["logo"] = ["a logo is at most 1 MB (1024 KB)"] } }
                : saved.Problem;
            return Show(problem);
        }

        Notice = "Your logo is saved; it appears on your invoices.";
        return LocalRedirect("/profile");
    }

    public async Task<IActionResult> OnGetLogoAsync()
    {
        var logo = await Api.GetFileAsync("api/v1/profile/logo");
        return logo.Value is null ? NotFound() : File(logo.Value.Content, logo.Value.ContentType);
    }

    private async Task LoadLogoFlagAsync() => HasLogo = (await Api.GetFileAsync("api/v1/profile/logo")).Ok;

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
        AddressForm.Fill(Values, p.Address);
        Values["province"] = p.Address?.Province;
        TaxForm.Fill(Values, p.Taxes);
    }

    private ProfileDocument Read() => new(
        Posted("companyName"),
        Posted("contactName"),
        AddressForm.Read(Posted),
        Posted("phone"),
        Posted("fax"),
        Posted("website"),
        Posted("timeZone"),
        Posted("currency"),
        Posted("invoiceComments"),
        Posted("quoteComments"),
        TaxForm.Read(Posted, Checked));
}
