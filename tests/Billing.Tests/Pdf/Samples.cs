using System.Globalization;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Pdf;
using BillingBooks.Money;

namespace BillingBooks.Billing.Tests.Pdf;

/// <summary>Invoices, a profile and a customer as the PDF receives them, with amounts worked out from the lines.</summary>
internal static class Samples
{
    public static ProfileDocument Profile(string company = "Maple Consulting") =>
        new(company, "Ann Lee", new Address("100 King St W", "Suite 5", "Toronto", "ON", "M5X 1A9", "Canada"), "416-555-0100",
            null, null, null, "CAD", null, null, null);

    public static CustomerResponse Customer(string name = "Northwind Traders", Address? address = null) =>
        new("1", name, address ?? new Address("12 Harbour Rd", null, "Halifax", "NS", "B3H 1A1", "Canada"),
            null, null, null, null, "CAD", [], null, 1);

    /// <summary>A line of quantity x price; <paramref name="taxes"/> are the names ticked on it.</summary>
    public static InvoiceLineDocument Line(string? unit, string? description, string quantity = "1", string price = "100", params string[] taxes) =>
        new(0, unit, description, quantity, price, price, price, taxes);

    public static InvoiceResponse Invoice(
        IReadOnlyList<InvoiceLineDocument> lines,
        string status = InvoiceStatuses.Sent,
        string currency = "CAD",
        IReadOnlyList<(string Name, string Rate)>? taxes = null,
        string? comments = null,
        string? description = null,
        string number = "1042")
    {
        var c = Currency.Get(currency);
        Money.Money Rounded(decimal amount) => Money.Money.Of(Math.Round(amount, c.MinorUnits, MidpointRounding.AwayFromZero), c);
        Money.Money Amount(InvoiceLineDocument line) =>
            Rounded(decimal.Parse(line.Quantity, CultureInfo.InvariantCulture) * decimal.Parse(line.UnitPrice, CultureInfo.InvariantCulture));
        var numbered = lines.Select((l, i) => l with
        {
            Position = i + 1,
            UnitPrice = Money.Money.Parse(l.UnitPrice, c).ToDecimalString(),
            Amount = Amount(l).ToDecimalString(),
            DiscountedAmount = Amount(l).ToDecimalString(),
        }).ToArray();
        var taxDocuments = (taxes ?? []).Select(t => new InvoiceTaxDocument(t.Name, t.Rate, null, Rounded(
            numbered.Where(l => l.Taxes.Contains(t.Name)).Sum(l => decimal.Parse(l.Amount, CultureInfo.InvariantCulture)) * decimal.Parse(t.Rate, CultureInfo.InvariantCulture) / 100m).ToDecimalString())).ToArray();
        var subtotal = numbered.Sum(l => decimal.Parse(l.Amount, CultureInfo.InvariantCulture));
        var total = Money.Money.Of(subtotal + taxDocuments.Sum(t => decimal.Parse(t.Amount, CultureInfo.InvariantCulture)), c).ToDecimalString();
        var quote = status is InvoiceStatuses.QuoteDraft or InvoiceStatuses.QuoteSent;
        var owing = status == InvoiceStatuses.Void || quote ? Money.Money.Of(0, c).ToDecimalString() : total;
        return new InvoiceResponse(
            "7", quote ? "quote" : "invoice", "1", number, new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1), "PO 42", description, currency,
            status, false, null, comments, null, numbered, taxDocuments, Money.Money.Of(subtotal, c).ToDecimalString(), Money.Money.Of(0, c).ToDecimalString(),
            total, Money.Money.Of(0, c).ToDecimalString(), owing, 1, null);
    }

    public static PrintedPdf Print(InvoiceResponse invoice, ProfileDocument? profile = null, CustomerResponse? customer = null) =>
        PrintedPdf.Read(InvoicePdf.Render(invoice, profile ?? Profile(), customer ?? Customer(), null));
}
