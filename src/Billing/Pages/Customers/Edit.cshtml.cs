using System.Globalization;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Customers;
using Microsoft.AspNetCore.Mvc;

namespace BillingBooks.Billing.Pages.Customers;

public sealed class EditModel : BooksPage
{
    public const int ContactRows = 4;

    [FromRoute]
    public string? Id { get; set; }

    public bool IsNew => Id is null or "new";

    /// <summary>Contacts and taxes are rows of the form, named by their number ("Contact 2: ...").</summary>
    protected override ErrorPlaces Places => new ErrorPlaces().Rows("contacts", "Contact").Rows("taxes", "Tax");

    /// <summary>
    /// A language stored before the API took only <see cref="CustomerLanguages.All"/>: shown (selected, marked) rather than
    /// silently replaced by the blank choice, so the user sees it and picks one; saving it unchanged gets the API's message.
    /// </summary>
    public bool LanguageIsOld => Value("language") is { Length: > 0 } language && !CustomerLanguages.All.Any(l => l.Code == language);

    public IEnumerable<(string Value, string Text)> LanguageOptions =>
    [
        ("", "—"),
        .. CustomerLanguages.All.Select(l => (l.Code, l.Name)),
        .. LanguageIsOld ? [(Value("language"), $"{Value("language")} (no longer accepted: choose {CustomerLanguages.Listed})")] : Array.Empty<(string, string)>(),
    ];

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew && ReadOnly)
        {
            return LocalRedirect("/customers");
        }

        if (IsNew)
        {
            Values["defaultContact"] = "0";
            return Page();
        }

        var customer = await Api.GetAsync<CustomerResponse>($"api/v1/customers/{Uri.EscapeDataString(Id!)}");
        if (Failed(customer) is { } failed)
        {
            return failed;
        }

        Fill(customer.Value!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        KeepPostedValues();
        var request = Read();
        var saved = IsNew
            ? await Api.PostAsync<CustomerResponse>("api/v1/customers", request)
            : await Api.PutAsync<CustomerResponse>($"api/v1/customers/{Uri.EscapeDataString(Id!)}", request);
        if (saved.Problem is not null)
        {
            return Show(saved.Problem);
        }

        Notice = $"Customer {saved.Value!.Name} is saved.";
        return LocalRedirect("/customers");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var deleted = await Api.DeleteAsync($"api/v1/customers/{Uri.EscapeDataString(Id ?? "")}");
        if (deleted.Problem is not null)
        {
            // Nothing of the form was posted with the delete: the customer is shown again as stored, with the error.
            return await ShowAndReloadAsync(deleted.Problem, OnGetAsync);
        }

        Notice = "The customer is deleted.";
        return LocalRedirect("/customers");
    }

    private void Fill(CustomerResponse c)
    {
        Values["name"] = c.Name;
        Values["phone"] = c.Phone;
        Values["fax"] = c.Fax;
        Values["website"] = c.Website;
        Values["currency"] = c.Currency;
        // "FR" from before the rule is French: the select shows it so (the API stores it as fr).
        Values["language"] = CustomerLanguages.TryNormalize(c.Language, out var code) ? code : c.Language;
        AddressForm.Fill(Values, c.Address);
        for (var i = 0; i < c.Contacts.Count && i < ContactRows; i++)
        {
            var p = Row(i);
            Values[p + ".firstName"] = c.Contacts[i].FirstName;
            Values[p + ".lastName"] = c.Contacts[i].LastName;
            Values[p + ".email"] = c.Contacts[i].Email;
            Values[p + ".phone"] = c.Contacts[i].Phone;
            if (c.Contacts[i].IsDefault)
            {
                Values["defaultContact"] = i.ToString(CultureInfo.InvariantCulture);
            }
        }

        Values["ownTaxes"] = c.Taxes is null ? null : "true";
        TaxForm.Fill(Values, c.Taxes);
    }

    private CustomerRequest Read()
    {
        var contacts = new List<ContactDocument>();
        for (var i = 0; i < ContactRows; i++)
        {
            var p = Row(i);
            contacts.Add(new ContactDocument(Posted(p + ".firstName"), Posted(p + ".lastName"), Posted(p + ".email"), Posted(p + ".phone"),
                Value("defaultContact") == i.ToString(CultureInfo.InvariantCulture)));
        }

        // Trailing empty rows are the blank ones offered for new contacts; inner ones keep their place (and error paths).
        while (contacts.Count > 0 && contacts[^1] is { FirstName: null, LastName: null, Email: null, Phone: null })
        {
            contacts.RemoveAt(contacts.Count - 1);
        }

        return new CustomerRequest(
            Posted("name"),
            AddressForm.Read(Posted),
            Posted("phone"),
            Posted("fax"),
            Posted("website"),
            Posted("language"),
            Posted("currency"),
            contacts,
            Checked("ownTaxes") ? TaxForm.Read(Posted, Checked) : null);
    }

    private static string Row(int i) => string.Create(CultureInfo.InvariantCulture, $"contacts[{i}]");
}
