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

    /// <summary>After taxes were filled from a province's rates: what is saved, and whether the rest of the form still waits to be.</summary>
    public string? PresetStatus { get; private set; }

    /// <summary>
    /// The API saves the province's taxes (only them); the page comes back with those in the tax rows and every other
    /// field as typed, unsaved edits included (the button posts the whole profile form; they were lost on a redirect).
    /// </summary>
    public async Task<IActionResult> OnPostPresetAsync()
    {
        KeepPostedValues();
        var province = Posted("province");
        var saved = await Api.PostAsync<ProfileDocument>("api/v1/profile/taxes/preset", new TaxPresetRequest(province));
        await LoadLogoFlagAsync();
        if (saved.Problem is not null)
        {
            return Show(saved.Problem);
        }

        foreach (var row in Values.Keys.Where(k => k.StartsWith("taxes[", StringComparison.Ordinal)).ToArray())
        {
            Values.Remove(row);
        }

        TaxForm.Fill(Values, saved.Value!.Taxes);
        var stored = new Dictionary<string, string?>(StringComparer.Ordinal);
        Fill(stored, saved.Value);
        var unsaved = stored.Keys.Any(k => !k.StartsWith("taxes[", StringComparison.Ordinal) && k != "province"
            && !string.Equals(Value(k).Trim(), (stored[k] ?? "").Trim(), StringComparison.Ordinal));
        PresetStatus = $"Taxes are filled from the {province} rates and saved."
            + (unsaved ? " Your other changes on this page are not saved yet: Save profile to keep them." : "");
        return Page();
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

    private void Fill(ProfileDocument p) => Fill(Values, p);

    private static void Fill(Dictionary<string, string?> values, ProfileDocument p)
    {
        values["companyName"] = p.CompanyName;
        values["contactName"] = p.ContactName;
        values["phone"] = p.Phone;
        values["fax"] = p.Fax;
        values["website"] = p.Website;
        values["currency"] = p.Currency;
        values["timeZone"] = p.TimeZone;
        values["invoiceComments"] = p.InvoiceComments;
        values["quoteComments"] = p.QuoteComments;
        AddressForm.Fill(values, p.Address);
        values["province"] = p.Address?.Province;
        TaxForm.Fill(values, p.Taxes);
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
