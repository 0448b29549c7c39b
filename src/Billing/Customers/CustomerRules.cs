using BillingBooks.Billing.Accounts;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Web;
using BillingBooks.Money;

namespace BillingBooks.Billing.Customers;

/// <summary>SPEC 1.3: what a customer must be.</summary>
public static class CustomerRules
{
    public static Result<CustomerRequest> Validate(CustomerRequest input, string defaultCurrency)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        // Composed Unicode (NFC): "Café" typed with a combining accent is the same name as with é, here and in Books.
        var name = input.Name?.Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "a customer needs a name");
        }

        errors.MaxLength("name", name, 255);
        errors.MaxLength("phone", input.Phone, 255);
        errors.MaxLength("fax", input.Fax, 255);
        errors.MaxLength("website", input.Website, 255);
        if (!CustomerLanguages.TryNormalize(input.Language, out var language))
        {
            // The value is echoed only while short enough to read back in a message.
            var given = input.Language!.Trim().Length <= 35 ? $"'{input.Language.Trim()}' is not a language Billing knows" : "not a language Billing knows";
            errors.Add("language", $"{given}; use {CustomerLanguages.Listed} (any case), or leave it empty");
        }

        var address = Addresses.Validate(input.Address, "address", errors);
        var currency = string.IsNullOrWhiteSpace(input.Currency) ? defaultCurrency : input.Currency.Trim().ToUpperInvariant();
        if (!Currency.TryGet(currency, out _))
        {
            errors.Add("currency", $"'{input.Currency}' is not an ISO 4217 currency code; use e.g. CAD, USD, EUR");
        }

        var contacts = input.Contacts ?? [];
        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            if (c is null)
            {
                errors.Add($"contacts[{i}]", "a contact is an object with firstName, lastName, email, phone and isDefault");
                continue;
            }

            errors.MaxLength($"contacts[{i}].firstName", c.FirstName, 255);
            errors.MaxLength($"contacts[{i}].lastName", c.LastName, 255);
            errors.MaxLength($"contacts[{i}].email", c.Email, 254);
            errors.MaxLength($"contacts[{i}].phone", c.Phone, 255);
            // Invoices are mailed to it: what the mail server would refuse at every send is refused here.
            if (!string.IsNullOrWhiteSpace(c.Email) && !Email.MailAddresses.IsOne(c.Email))
            {
                errors.Add($"contacts[{i}].email", $"'{c.Email}' is not an email address like name@example.com");
            }
        }

        if (contacts.Count(c => c?.IsDefault == true) > 1)
        {
            errors.Add("contacts", "only one contact can be the default");
        }

        var taxes = input.Taxes is null ? null : TaxRules.Validate(input.Taxes, "taxes", errors);
        if (!errors.IsEmpty)
        {
            return errors.ToError();
        }

        // With contacts but no default, the first one is the default (its email pre-fills sending).
        var normalizedContacts = contacts.Select((c, i) => c with { IsDefault = c.IsDefault || (i == 0 && !contacts.Any(x => x.IsDefault)) }).ToArray();
        return input with { Name = name, Address = address, Language = language, Currency = currency, Contacts = normalizedContacts, Taxes = taxes };
    }

    public static string NameKey(string name) => name.Trim().Normalize(System.Text.NormalizationForm.FormC).ToUpperInvariant();
}
