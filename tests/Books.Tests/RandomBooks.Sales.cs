using BillingBooks.Books.Customers;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Tests;

public static partial class RandomBooks
{
    private static readonly string[] Codes = ["", "H", "GP", "GQ", "E", "G"];

    /// <summary>An invoice to any customer, home or USD; a number used before is refused.</summary>
    private static Result<EntryId> Sale(BooksWrite w, BooksOp op)
    {
        var customers = w.Customers.List();
        var customer = customers[op.A % customers.Count];
        return w.Sales.Post(Draft(customer, "S" + op.C + "-" + op.A, Date(w, op), op)).Map(i => i.Entry);
    }

    /// <summary>One to three lines under 2,000.00 with various tax codes; a foreign one at the company's rate or (Flag) a given one.</summary>
    private static SaleDraft Draft(Customer customer, string number, DateOnly date, BooksOp op)
    {
        var lines = Enumerable.Range(0, 1 + (op.B % 3))
            .Select(i => new SaleLine("line " + i, Money.Money.FromMinorUnits(1 + ((long)op.C * (i + 7) % 200_000), customer.Currency), Codes[(op.A + op.B + i) % Codes.Length]))
            .ToArray();
        decimal? rate = customer.Currency != Currency.CAD && op.Flag ? 1.2m + (op.C % 30 / 100m) : null;
        return new SaleDraft(customer.Id, number, date, lines, ExchangeRate: rate);
    }

    /// <summary>
    /// An invoice in force corrected: the replacement keeps its number and date, or is dated in the open period when
    /// the invoice is locked (the reversal then goes there too). Refused while receipts pay it.
    /// </summary>
    private static Result<EntryId> AdjustSale(BooksWrite w, BooksOp op)
    {
        var invoices = w.Customers.List().SelectMany(c => w.Sales.ForCustomer(c.Id)).ToArray();
        if (invoices.Length == 0)
        {
            return Nothing("no invoice to adjust");
        }

        var invoice = invoices[op.A % invoices.Length];
        var customer = w.Customers.Get(invoice.Customer).Value;
        var date = invoice.Date < OpenPeriod(w).From ? Date(w, op) : invoice.Date;
        return w.Sales.Adjust(invoice.Entry, Draft(customer, invoice.Number, date, op), "random").Map(a => a.Replacement.Entry);
    }
}
