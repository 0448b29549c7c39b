using BillingBooks.Books.Accounts;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Settings;
using BillingBooks.Books.Storage;
using BillingBooks.Books.Taxes;
using BillingBooks.Money;
using CsCheck;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests;

/// <summary>One random step on the books; its numbers are interpreted against the books as they are when it runs.</summary>
public sealed record BooksOp(int Kind, int A, int B, int C, int Day, bool Flag);

/// <summary>
/// Random company histories: sales (home and USD, with and without a given rate, compound tax, several codes),
/// receipts (partial, full, by card with a fee, foreign), general entries, reversals and adjustments.
/// Steps that the books refuse (e.g. reversing a paid invoice) are simply refused.
/// </summary>
public static class RandomBooks
{
    private static readonly string[] Codes = ["", "H", "GP", "GQ", "E", "G"];
    private static readonly int[] GeneralAccounts = [1060, 1080, 1320, 2100, 3010, 4200, 5100, 5200];

    public static readonly Gen<BooksOp> Op =
        Gen.Select(Gen.Int[0, 8], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1_000_000], Gen.Int[0, 364], Gen.Bool)
            .Select((k, a, b, c, d, f) => new BooksOp(k, a, b, c, d, f));

    public static readonly Gen<BooksOp[]> History = Op.Array[1, 40];

    /// <summary>Steps dated over two fiscal years (2025 and 2026): for a company opened from 2025-01-01 (<see cref="NewCompany(DateOnly?)"/>).</summary>
    public static readonly Gen<BooksOp[]> TwoYearHistory =
        Gen.Select(Gen.Int[0, 8], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1_000_000], Gen.Int[0, 729], Gen.Bool)
            .Select((k, a, b, c, d, f) => new BooksOp(k, a, b, c, d, f))
            .Array[1, 40];

    /// <summary>The first day of the random steps' dates.</summary>
    public static readonly DateOnly FirstDay = new(2025, 1, 1);

    /// <summary>A company set up for the random steps: compound GST, USD allowed, a Visa card, three customers.</summary>
    public static TestCompany NewCompany(DateOnly? historyFrom = null)
    {
        var company = new TestCompany(historyFrom is { } from ? new BillingBooks.Books.Settings.NewCompany("Maple Design Inc.", HistoryFrom: from) : null);
        company.AllowUsd(1.35m);
        company.Ok(w => w.ExchangeRates.SetRate(Currency.USD, FirstDay, 1.31m));
        company.Ok(w => w.ExchangeRates.SetRate(Currency.USD, Day(7, 1), 1.2875m));
        company.Ok(w => w.Taxes.Update("GST", new Tax("GST", new(2310), TaxableByOtherTaxes: true)));
        company.Ok(w => w.CreditCards.Add(new CreditCard("Visa", 2.75m, new(5030), new(1065))));
        company.AddCustomer("Acme", taxCode: "H");
        company.AddCustomer("Beta", taxCode: "GQ");
        company.AddCustomer("Yank", taxCode: "G", currency: Currency.USD);
        return company;
    }

    public static void Apply(TestCompany company, BooksOp op) =>
        company.Write(w => op.Kind switch
        {
            0 or 1 or 2 => Sale(w, op),
            3 or 4 => Receipt(w, op),
            5 => General(w, op),
            6 => Reverse(w, op),
            _ => Adjust(w, op),
        });

    /// <summary>Days from the books' first day: 2026 for a plain company, 2025 and 2026 for one opened from <see cref="FirstDay"/>.</summary>
    private static DateOnly Date(BooksWrite w, BooksOp op) => w.Settings.Get().FirstDay.AddDays(op.Day);

    private static Result<EntryId> Sale(BooksWrite w, BooksOp op)
    {
        var customers = w.Customers.List();
        var customer = customers[op.A % customers.Count];
        return w.Sales.Post(Draft(customer, "S" + op.C + "-" + op.A, Date(w, op), op)).Map(i => i.Entry);
    }

    private static SaleDraft Draft(Customer customer, string number, DateOnly date, BooksOp op)
    {
        var lines = Enumerable.Range(0, 1 + (op.B % 3))
            .Select(i => new SaleLine("line " + i, Money.Money.FromMinorUnits(1 + ((long)op.C * (i + 7) % 200_000), customer.Currency), Codes[(op.A + op.B + i) % Codes.Length]))
            .ToArray();
        decimal? rate = customer.Currency != Currency.CAD && op.Flag ? 1.2m + (op.C % 30 / 100m) : null;
        return new SaleDraft(customer.Id, number, date, lines, ExchangeRate: rate);
    }

    private static Result<EntryId> Receipt(BooksWrite w, BooksOp op)
    {
        var open = w.Customers.List().SelectMany(c => w.Sales.ForCustomer(c.Id, openOnly: true)).ToArray();
        if (open.Length == 0)
        {
            return new InvalidInput("test", "no open invoice");
        }

        var invoice = open[op.A % open.Length];
        var part = Math.Max(1, invoice.Owing.MinorUnits * (1 + (op.B % 100)) / 100);
        var amount = Money.Money.FromMinorUnits(part, invoice.Currency);
        var date = Date(w, op) < invoice.Date ? invoice.Date : Date(w, op);
        decimal? rate = invoice.Currency != Currency.CAD && op.C % 2 == 0 ? 1.25m + (op.C % 20 / 100m) : null;
        return w.Receipts.Post(new ReceiptDraft(
            invoice.Customer, date, amount, op.Flag ? PaymentMethod.CreditCard : PaymentMethod.Cash, [new(invoice.Entry, amount)],
            CreditCard: op.Flag ? "Visa" : null, ExchangeRate: rate)).Map(r => r.Entry);
    }

    private static Result<EntryId> General(BooksWrite w, BooksOp op)
    {
        var amount = Cad((1 + (op.C % 100_000)) / 100m);
        return w.General.Post(new GeneralEntryDraft(Date(w, op), "entry " + op.C, [
            GeneralLine.Debit(new AccountNumber(GeneralAccounts[op.A % GeneralAccounts.Length]), amount),
            GeneralLine.Credit(new AccountNumber(GeneralAccounts[op.B % GeneralAccounts.Length]), amount)]));
    }

    private static Result<EntryId> Reverse(BooksWrite w, BooksOp op)
    {
        var entries = w.Entries.List().Where(e => e.Kind != EntryKind.Reversal && e.ReversedBy is null).ToArray();
        if (entries.Length == 0)
        {
            return new InvalidInput("test", "nothing to reverse");
        }

        var entry = entries[op.A % entries.Length];
        // Half the time the date is left to the books (today, or later when the entry is later).
        return w.Entries.Reverse(entry.Id, op.Flag ? null : Date(w, op) < entry.Date ? entry.Date : Date(w, op), "random");
    }

    private static Result<EntryId> Adjust(BooksWrite w, BooksOp op)
    {
        var invoices = w.Customers.List().SelectMany(c => w.Sales.ForCustomer(c.Id)).ToArray();
        if (invoices.Length == 0)
        {
            return new InvalidInput("test", "nothing to adjust");
        }

        var invoice = invoices[op.A % invoices.Length];
        var customer = w.Customers.Get(invoice.Customer).Value;
        return w.Sales.Adjust(invoice.Entry, Draft(customer, invoice.Number, invoice.Date, op), "random").Map(a => a.Replacement.Entry);
    }
}
