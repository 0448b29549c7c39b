using System.Globalization;
using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Sync.Mapping;
using static BillingBooks.Books.Sync.Client.FieldProblems;

namespace BillingBooks.Books.Sync.Client;

/// <summary>
/// What the feed promises of each item (see <see cref="Change"/>), checked for every field the sync reads: a kind, an
/// id, a version and a cursor; for a kind Books imports, that record, even in a tombstone; in it, what the contract
/// does not allow to be null, lists without nulls, amounts in the record's currency, rates that are numbers, known
/// currency codes (dates and the rest are read by <see cref="FeedJson"/>). A page with an item that breaks it is an
/// answer that could not be read, like one cut short: fetched again (a proxy may have mangled it), then the run stops
/// with exit 1 before that page. Not quarantined as a conflict: that would move the cursor past a record Books never
/// saw, and no fix in Books could bring it back; stopped before it, the next sync reads it again once Billing sends it whole.
/// </summary>
internal static class FeedItems
{
    /// <summary>Null when every item of the page carries what it should, else what is wrong where.</summary>
    public static string? Unreadable(ChangePage page)
    {
        if (page.Items is null || page.Next is null) return "a page of the change feed came without its items or its next cursor";
        for (var i = 0; i < page.Items.Count; i++)
        {
            if (page.Items[i] is not { Kind: not null, Id: not null } item)
                return $"item {i + 1} of a page of the change feed came without its kind or its id";
            if (Unreadable(item) is { } problem) return problem;
        }
        return null;
    }

    /// <summary>Null when the item carries what it should, else what is wrong, naming the item and the field.</summary>
    public static string? Unreadable(Change item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var problem = item.Version < 1 ? $"has an unreadable version {item.Version.ToString(CultureInfo.InvariantCulture)}: versions start at 1"
            : item.Cursor is null ? Without("cursor")
            : item.Kind switch
            {
                ChangeKinds.Customer => item.Customer is { } customer ? Customer(customer) : $"came without the {item.Kind} itself",
                ChangeKinds.Invoice => item.Invoice is { } invoice ? Invoice(invoice) : $"came without the {item.Kind} itself",
                ChangeKinds.Payment => item.Payment is { } payment ? Payment(payment) : $"came without the {item.Kind} itself",
                _ => null, // a kind this Books does not know yet: the import skips it
            };
        return problem is null ? null : $"the change feed's {item.Kind} {item.Id} version {item.Version.ToString(CultureInfo.InvariantCulture)} {problem}";
    }

    private static string? Customer(CustomerDocument customer)
    {
        if (string.IsNullOrWhiteSpace(customer.Name)) return Without("name"); // Books keeps no customer without one
        if (customer.Address is null) return Without("address");
        return CurrencyProblem(customer.Currency, "currency", out _) ?? Nulls(customer.Contacts, "contacts");
    }

    private static string? Invoice(InvoiceDocument invoice)
    {
        if (invoice.CustomerId is null) return Without("customerId");
        if (invoice.Number is null) return Without("number");
        if (invoice.Status is null) return Without("status");
        if (CurrencyProblem(invoice.Currency, "currency", out var currency) is { } unknown) return unknown;
        if ((Nulls(invoice.Lines, "lines") ?? Nulls(invoice.Taxes, "taxes")) is { } missing) return missing;
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            var line = invoice.Lines[i];
            var at = $"lines[{i}]";
            if ((Nulls(line.Taxes, at + ".taxes") ?? AmountProblem(line.DiscountedAmount, currency, at + ".discountedAmount")) is { } problem) return problem;
        }
        for (var i = 0; i < invoice.Taxes.Count; i++)
        {
            var tax = invoice.Taxes[i];
            var at = $"taxes[{i}]";
            if (tax.Name is null) return Without(at + ".name");
            if (tax.Rate is null) return Without(at + ".rate");
            if (FeedValues.RateProblem(tax.Rate) is { } rate) return FieldProblems.Unreadable(at + ".rate", tax.Rate, rate);
            if (AmountProblem(tax.Amount, currency, at + ".amount") is { } amount) return amount;
        }
        return AmountProblem(invoice.Total, currency, "total");
    }

    private static string? Payment(PaymentDocument payment)
    {
        if (payment.CustomerId is null) return Without("customerId");
        if (payment.Method is null) return Without("method");
        if (CurrencyProblem(payment.Currency, "currency", out var currency) is { } unknown) return unknown;
        if ((AmountProblem(payment.Amount, currency, "amount") ?? Nulls(payment.Applications, "applications")) is { } problem) return problem;
        for (var i = 0; i < payment.Applications.Count; i++)
        {
            var application = payment.Applications[i];
            if (application.InvoiceId is null) return Without($"applications[{i}].invoiceId");
            if (AmountProblem(application.Amount, currency, $"applications[{i}].amount") is { } amount) return amount;
        }
        return null;
    }
}
