using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Journals;

namespace BillingBooks.Books.Cli.Commands.Sales;

/// <summary>How an invoice is summed up in one line, and shown in full.</summary>
internal static class InvoiceText
{
    public static string Summary(Invoice invoice, string customer)
    {
        var tax = invoice.Total - invoice.Subtotal;
        var home = invoice.HomeTotal.Currency == invoice.Currency ? string.Empty : $" ({invoice.HomeTotal.ToDecimalString()} {invoice.HomeTotal.Currency.Code} at {Text.Number(invoice.Rate)})";
        return $"invoice {invoice.Number} to {customer}: subtotal {invoice.Subtotal.ToDecimalString()}, tax {tax.ToDecimalString()}, total {invoice.Total.ToDecimalString()} {invoice.Currency.Code}{home}, due {Text.Iso(invoice.DueDate)} (entry {invoice.Entry})";
    }

    public static object Json(Invoice invoice, string customer) => new
    {
        entry = invoice.Entry.Value,
        number = invoice.Number,
        customer,
        date = Text.Iso(invoice.Date),
        dueDate = Text.Iso(invoice.DueDate),
        currency = invoice.Currency.Code,
        rate = Text.Number(invoice.Rate),
        lines = invoice.Lines.Select(l => new { description = l.Description, amount = l.Amount.ToDecimalString(), taxCode = l.TaxCode, account = l.RevenueAccount.ToString() }),
        taxes = invoice.Taxes.Select(t => new { tax = t.TaxName, amount = t.Amount.ToDecimalString() }),
        subtotal = invoice.Subtotal.ToDecimalString(),
        total = invoice.Total.ToDecimalString(),
        owing = invoice.Owing.ToDecimalString(),
        homeTotal = invoice.HomeTotal.ToDecimalString(),
        homeOwing = invoice.HomeOwing.ToDecimalString(),
        reversed = invoice.Reversed,
    };
}
