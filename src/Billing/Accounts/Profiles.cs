using System.Text.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;
using BillingBooks.Money;

namespace BillingBooks.Billing.Accounts;

/// <summary>The account's profile (SPEC 1.1), stored as one JSON document on the account row.</summary>
public static class Profiles
{
    public const string DefaultTimeZone = "America/Toronto";

    public static ProfileDocument Default(string? companyName) =>
        new(companyName, null, new Address(null, null, null, null, null, null), null, null, null, DefaultTimeZone, "CAD", null, null, []);

    public static string Serialize(ProfileDocument profile) => JsonSerializer.Serialize(profile, Json.Options);

    public static async Task<ProfileDocument> ReadAsync(Session session, AccountId account)
    {
        ArgumentNullException.ThrowIfNull(session);
        var json = session is AccountWrite write && write.Account == account
            ? write.ProfileJson
            : await session.QuerySingleAsync<string>("SELECT profile FROM accounts WHERE id = @account", new { account = account.Value }).ConfigureAwait(false);
        return JsonSerializer.Deserialize<ProfileDocument>(json, Json.Options)!;
    }

    public static Task WriteAsync(AccountWrite write, ProfileDocument profile)
    {
        ArgumentNullException.ThrowIfNull(write);
        write.ProfileJson = Serialize(profile);
        return write.ExecuteAsync("UPDATE accounts SET profile = @profile WHERE id = @account", new { account = write.Account.Value, profile = write.ProfileJson });
    }

    public static Result<ProfileDocument> Validate(ProfileDocument input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        errors.MaxLength("companyName", input.CompanyName, 255);
        errors.MaxLength("contactName", input.ContactName, 255);
        errors.MaxLength("phone", input.Phone, 255);
        errors.MaxLength("fax", input.Fax, 255);
        errors.MaxLength("website", input.Website, 255);
        errors.MaxLength("invoiceComments", input.InvoiceComments, 4000);
        errors.MaxLength("quoteComments", input.QuoteComments, 4000);
        var address = Addresses.Validate(input.Address, "address", errors);
        var timeZone = string.IsNullOrWhiteSpace(input.TimeZone) ? DefaultTimeZone : input.TimeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            errors.Add("timeZone", $"'{timeZone}' is not a time zone; use an IANA name like America/Toronto");
        }

        var currency = string.IsNullOrWhiteSpace(input.Currency) ? "CAD" : input.Currency.Trim().ToUpperInvariant();
        if (!Currency.TryGet(currency, out _))
        {
            errors.Add("currency", $"'{input.Currency}' is not an ISO 4217 currency code; use e.g. CAD, USD, EUR");
        }

        var taxes = TaxRules.Validate(input.Taxes, "taxes", errors);
        if (!errors.IsEmpty)
        {
            return errors.ToError();
        }

        return input with { Address = address, TimeZone = timeZone, Currency = currency, Taxes = taxes };
    }

    /// <summary>SPEC 1.1: what an invoice needs in the profile before it can be sent. Null when complete.</summary>
    public static string? MissingForSending(ProfileDocument profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var missing = new List<string>();
        var a = profile.Address ?? new Address(null, null, null, null, null, null);
        if (string.IsNullOrWhiteSpace(profile.CompanyName) && string.IsNullOrWhiteSpace(profile.ContactName))
        {
            missing.Add("companyName or contactName");
        }

        if (string.IsNullOrWhiteSpace(a.Line1))
        {
            missing.Add("address.line1");
        }

        if (string.IsNullOrWhiteSpace(a.City))
        {
            missing.Add("address.city");
        }

        if (string.IsNullOrWhiteSpace(a.Country))
        {
            missing.Add("address.country");
        }

        if (a.Country is "CA" or "US")
        {
            if (string.IsNullOrWhiteSpace(a.PostalCode))
            {
                missing.Add("address.postalCode");
            }

            if (string.IsNullOrWhiteSpace(a.Province))
            {
                missing.Add("address.province");
            }
        }

        return missing.Count == 0 ? null : "Complete your profile before sending (PUT /api/v1/profile): " + string.Join(", ", missing) + ".";
    }

    public static DateOnly Today(ProfileDocument profile, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(clock);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone ?? DefaultTimeZone, out var z) ? z : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}

public static class Addresses
{
    public static Address Validate(Address? address, string path, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var a = address ?? new Address(null, null, null, null, null, null);
        errors.MaxLength($"{path}.line1", a.Line1, 255);
        errors.MaxLength($"{path}.line2", a.Line2, 255);
        errors.MaxLength($"{path}.city", a.City, 255);
        errors.MaxLength($"{path}.province", a.Province, 255);
        errors.MaxLength($"{path}.postalCode", a.PostalCode, 255);
        if (a.Country is not null && (a.Country.Trim().Length != 2 || !a.Country.Trim().All(char.IsAsciiLetter)))
        {
            errors.Add($"{path}.country", $"'{a.Country}' is not a two-letter ISO 3166 country code like CA or US");
        }

        return a with { Country = a.Country?.Trim().ToUpperInvariant() };
    }
}
