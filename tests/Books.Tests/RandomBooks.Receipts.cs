using BillingBooks.Books.Journals;
using BillingBooks.Books.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Tests;

public static partial class RandomBooks
{
    /// <summary>One open invoice (any customer's) paid in part or in full, in cash or by card, at the company's or a given rate.</summary>
    private static Result<EntryId> Receipt(BooksWrite w, BooksOp op)
    {
        var open = w.Customers.List().SelectMany(c => w.Sales.ForCustomer(c.Id, openOnly: true)).ToArray();
        if (open.Length == 0)
        {
            return Nothing("no open invoice");
        }

        var invoice = open[op.A % open.Length];
        var part = Math.Max(1, invoice.Owing.MinorUnits * (1 + (op.B % 100)) / 100);
        var amount = Money.Money.FromMinorUnits(part, invoice.Currency);
        decimal? rate = invoice.Currency != Currency.CAD && op.C % 2 == 0 ? 1.25m + (op.C % 20 / 100m) : null;
        return w.Receipts.Post(new ReceiptDraft(
            invoice.Customer, Latest(Date(w, op), invoice.Date), amount, op.Flag ? PaymentMethod.CreditCard : PaymentMethod.Cash, [new(invoice.Entry, amount)],
            CreditCard: op.Flag ? "Visa" : null, ExchangeRate: rate)).Map(r => r.Entry);
    }
}
