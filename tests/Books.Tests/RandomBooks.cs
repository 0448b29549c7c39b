using BillingBooks.Books.Customers;
using BillingBooks.Books.Settings;
using BillingBooks.Books.Storage;
using BillingBooks.Books.Taxes;
using BillingBooks.Money;
using CsCheck;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests;

/// <summary>What a random step does (see <see cref="RandomBooks"/>); the earlier ones are the simpler, which CsCheck shrinks towards.</summary>
public enum Step
{
    Sale,
    Receipt,
    General,
    Reverse,
    AdjustSale,
    SplitReceipt,
    OverAllocation,
    AdjustReceipt,
    AdjustGeneral,
    ReversePaidInvoice,
    YearEnd,
    Lock,
    OutOfPeriod,
}

/// <summary>One random step on the books; its numbers are interpreted against the books as they are when it runs.</summary>
public sealed record BooksOp(Step Kind, int A, int B, int C, int Day, bool Flag);

/// <summary>
/// Random company histories: sales (home and USD, with and without a given rate, compound tax, several codes),
/// receipts (partial, full, by card with a fee, foreign, of several invoices at once), general entries, reversals
/// and adjustments (of invoices, receipts and general entries), paid invoices reversed after their receipts,
/// year-ends and lock dates (histories reach up to four fiscal years), and steps the books must refuse (allocations
/// beyond what an invoice owes, reversing an invoice receipts pay, anything dated before the lock date or outside the
/// fiscal years). Steps are dated in the open period (from the lock date to the current year's end). Steps the books
/// may refuse (e.g. reversing a paid invoice) are simply refused; the others' outcome is asserted as they run.
/// The steps are in partial files: RandomBooks.Sales.cs, .Receipts.cs, .Corrections.cs, .Periods.cs.
/// </summary>
public static partial class RandomBooks
{
    /// <summary>How often each step comes: sales most, so receipts and corrections have invoices to work on.</summary>
    private static readonly Step[] Steps =
    [
        Step.Sale, Step.Sale, Step.Sale, Step.Sale, Step.Receipt, Step.Receipt, Step.SplitReceipt, Step.SplitReceipt, Step.General, Step.Reverse,
        Step.AdjustSale, Step.AdjustSale, Step.OverAllocation, Step.AdjustReceipt, Step.AdjustGeneral, Step.ReversePaidInvoice,
        Step.YearEnd, Step.Lock, Step.OutOfPeriod,
    ];

    /// <summary>Day numbers: days into the open period (taken modulo its length), which may span four years.</summary>
    private const int MaxDay = 4 * 366;

    public static readonly Gen<BooksOp> Op =
        Gen.Select(Gen.Int[0, Steps.Length - 1], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1_000_000], Gen.Int[0, MaxDay], Gen.Bool)
            .Select((k, a, b, c, d, f) => new BooksOp(Steps[k], a, b, c, d, f));

    public static readonly Gen<BooksOp[]> History = Op.Array[1, 40];

    /// <summary>The first day of the books opened with history (<see cref="NewCompany(DateOnly?)"/>): 2025, before the current 2026.</summary>
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

    public static void Apply(TestCompany company, BooksOp op)
    {
        switch (op.Kind)
        {
            // Steps the books may refuse (a number used before, a paid invoice reversed, nothing open to pay): a
            // refusal is a step not taken.
            case Step.Sale:
                company.Write(w => Sale(w, op));
                break;
            case Step.Receipt:
                company.Write(w => Receipt(w, op));
                break;
            case Step.General:
                company.Write(w => General(w, op));
                break;
            case Step.Reverse:
                company.Write(w => Reverse(w, op));
                break;
            case Step.AdjustSale:
                company.Write(w => AdjustSale(w, op));
                break;

            // Steps whose outcome is known: posted, or refused with the typed error and the books unchanged.
            case Step.SplitReceipt:
                SplitReceipt(company, op);
                break;
            case Step.OverAllocation:
                OverAllocate(company, op);
                break;
            case Step.AdjustReceipt:
                AdjustReceipt(company, op);
                break;
            case Step.AdjustGeneral:
                AdjustGeneral(company, op);
                break;
            case Step.ReversePaidInvoice:
                ReversePaidInvoice(company, op);
                break;
            case Step.YearEnd:
                YearEnd(company, op);
                break;
            case Step.Lock:
                Lock(company, op);
                break;
            case Step.OutOfPeriod:
                OutOfPeriod(company, op);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op.Kind, "no such step");
        }
    }

    /// <summary>The first day entries may be dated (the lock date) and how many days they may be dated on, to the current year's end (none once locked past it).</summary>
    private static (DateOnly From, int Days) OpenPeriod(BooksRead r)
    {
        var settings = r.Settings.Get();
        return (settings.LockedBefore, Math.Max(0, settings.FiscalYearEnd.DayNumber - settings.LockedBefore.DayNumber + 1));
    }

    /// <summary>The step's day in the open period (its first day when there is none, which every posting refuses).</summary>
    private static DateOnly Date(BooksRead r, BooksOp op)
    {
        var (from, days) = OpenPeriod(r);
        return days == 0 ? from : from.AddDays(op.Day % days);
    }

    private static DateOnly Latest(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>Runs a write the books must refuse, checks that it changed nothing, and returns the refusal for the step to check.</summary>
    private static BooksError Refused<T>(TestCompany company, Func<BooksWrite, Result<T>> work, string what)
    {
        var before = company.Snapshot();
        var result = company.Write(work);
        Assert.False(result.IsOk, $"{what} was posted; the books must refuse it.");
        Assert.Equal(before, company.Snapshot());
        return result.Error;
    }

    /// <summary>The refusal of a step the books do not take: nothing for it to work on.</summary>
    private static InvalidInput Nothing(string what) => new("test", what);
}
