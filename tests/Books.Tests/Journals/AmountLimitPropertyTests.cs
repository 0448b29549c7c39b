using BillingBooks.Books.Customers;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Settings;
using BillingBooks.Books.Storage;
using BillingBooks.Books.Tests.Checks;
using BillingBooks.Money;
using CsCheck;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Journals;

/// <summary>One step near <see cref="AmountLimit"/>: a general entry, a sale (lines near the limit, taxed or not, with discounts, at any rate) or a receipt of one customer's open invoices.</summary>
public sealed record LimitStep(LimitStepKind Kind, int A, int B, decimal Units, decimal? Rate, bool Flag);

/// <summary>A USD invoice or receipt near the limit at a rate anywhere Books accepts (see <see cref="AmountLimitPropertyTests"/>).</summary>
public sealed record DocumentAtRate(bool Receipt, int Count, decimal Units, decimal Rate, bool Flag);

public enum LimitStepKind
{
    General,
    Sale,
    Receipt,
}

/// <summary>
/// Amounts around the limit, posted one after another: each step is either posted, leaving every check clean, or
/// refused with the typed error (whose figures are indeed beyond the limit) leaving the file as it was.
/// </summary>
public class AmountLimitPropertyTests
{
    private const long Max = AmountLimit.MaxMinorUnits;

    /// <summary>
    /// Minor units: anywhere up to the limit; at it, a few units either way; at a half or a third of it (lines and
    /// taxes adding up to it); where a USD amount converts to it; far beyond what a long holds.
    /// </summary>
    private static readonly Gen<decimal> Units = Gen.Frequency(
        (2, Gen.Long[1, Max].Select(u => (decimal)u)),
        (3, Gen.Long[-3, 3].Select(d => (decimal)(Max + d))),
        (2, Gen.Select(Gen.Int[2, 3], Gen.Long[-3, 3]).Select((k, d) => (decimal)(Max / k + d))),
        (2, Gen.Select(Gen.OneOf(Gen.Const(1.31m), Gen.Const(1.2875m)), Gen.Long[-3, 3]).Select((rate, d) => decimal.Round(Max / rate) + d)),
        (1, Gen.Long[1, 1000].Select(k => k * 1_000_000_000_000_000_000m)));

    /// <summary>The company's rate (null), a usual one, or the extremes Books accepts.</summary>
    private static readonly Gen<decimal?> Rates = Gen.Frequency(
        (3, Gen.Const((decimal?)null)),
        (2, Gen.Int[120, 150].Select(r => (decimal?)(r / 100m))),
        (1, Gen.OneOf(Gen.Const((decimal?)ExchangeRateBounds.Highest), Gen.Const((decimal?)ExchangeRateBounds.Lowest))));

    private static readonly Gen<LimitStep> Step =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 100], Gen.Int[0, 100], Units, Rates, Gen.Bool)
            .Select((k, a, b, units, rate, flag) => new LimitStep((LimitStepKind)k, a, b, units, rate, flag));

    private static readonly int[] Accounts = [1060, 1080, 1320, 2100, 2700, 3010, 4200, 5100];

    [Fact]
    public void Amounts_near_the_limit_are_posted_leaving_the_checks_clean_or_refused_with_the_typed_error_changing_nothing()
    {
        Step.Array[1, 12].Sample(steps =>
        {
            using var company = RandomBooks.NewCompany();
            for (var i = 0; i < steps.Length; i++)
            {
                var (index, step) = (i, steps[i]);
                PostedOrRefused(company, w => Post(w, step, index), $"Step {index} ({step})");
            }

            var trial = company.Read(r => r.Reports.TrialBalance(Day(12, 31)));
            Assert.All(trial.Rows, r => Assert.True(AmountLimit.Within(r.Debit) && AmountLimit.Within(r.Credit), $"{r.Number}: {r.Debit} {r.Credit}"));
            LedgerInvariants.Hold(company);
        }, iter: 40, threads: 2);
    }

    /// <summary>
    /// USD documents near the limit converted at any rate Books accepts (at 1,000,000 home units per dollar a line at
    /// the limit is 10^18 home minor units, near what a long holds): each is posted or refused with the typed error,
    /// changing nothing, never an overflow. The books start with some invoices at the limit at the lowest rate (worth
    /// little at home, so Accounts Receivable stays within the limit), for one receipt to pay many of them.
    /// </summary>
    [Fact]
    public void Documents_near_the_limit_at_any_rate_are_posted_or_refused_with_the_typed_error()
    {
        Gen.Select(Gen.Int[0, 12], Document.Array[1, 8]).Sample((stock, documents) =>
        {
            using var company = RandomBooks.NewCompany();
            var yank = company.Read(r => r.Customers.List()).Single(c => c.Currency == Currency.USD);
            var atLimit = AmountLimit.Max(Currency.USD);
            for (var i = 0; i < stock; i++)
            {
                company.Ok(w => w.Sales.Post(new(yank.Id, "stock " + w.Entries.List().Count, Day(1, 1), [new("at the limit", atLimit, "")], ExchangeRate: ExchangeRateBounds.Lowest)));
            }

            for (var i = 0; i < documents.Length; i++)
            {
                var (index, document) = (i, documents[i]);
                PostedOrRefused(company, w => Post(w, yank, document, index), $"Document {index} ({document})");
            }

            LedgerInvariants.Hold(company);
        }, iter: 40, threads: 2);
    }

    /// <summary>
    /// An invoice of <see cref="DocumentAtRate.Count"/> lines of <see cref="DocumentAtRate.Units"/> (with Flag the later
    /// half discounts of one unit less), or a receipt paying the first Count open invoices (in full, or half each
    /// without Flag), at <see cref="DocumentAtRate.Rate"/>.
    /// </summary>
    private static readonly Gen<DocumentAtRate> Document =
        Gen.Select(
                Gen.Bool,
                Gen.Int[1, 24],
                Gen.Frequency((3, Gen.Long[-3, 3].Select(d => (decimal)(Max + d))), (1, Gen.Long[1, Max].Select(u => (decimal)u))),
                Gen.Frequency(
                    (2, Gen.Const(ExchangeRateBounds.Highest)),
                    (1, Gen.Const(ExchangeRateBounds.Lowest)),
                    (2, Gen.Select(Gen.Int[1, 9], Gen.Int[-6, 5]).Select((d, k) => d * (decimal)Math.Pow(10, k)))),
                Gen.Bool)
            .Select((receipt, count, units, rate, flag) => new DocumentAtRate(receipt, count, units, rate, flag));

    private static Result<EntryId> Post(BooksWrite w, Customer customer, DocumentAtRate document, int index)
    {
        var currency = customer.Currency;
        if (!document.Receipt)
        {
            var charges = (document.Count + 1) / 2;
            var lines = Enumerable.Range(0, document.Count)
                .Select(i => new SaleLine("line " + i, Money.Money.Of((document.Flag && i >= charges ? 1 - document.Units : document.Units) / 100m, currency), ""))
                .ToArray();
            return w.Sales.Post(new(customer.Id, "D" + index, Day(2, 1), lines, ExchangeRate: document.Rate)).Map(i => i.Entry);
        }

        var open = w.Sales.ForCustomer(customer.Id, openOnly: true);
        if (open.Count == 0)
        {
            return new InvalidInput("test", "no open invoice");
        }

        var allocations = open.Take(document.Count)
            .Select(i => new ReceiptAllocation(i.Entry, document.Flag ? i.Owing : Money.Money.FromMinorUnits(Math.Max(1, i.Owing.MinorUnits / 2), currency)))
            .ToArray();
        return w.Receipts.Post(new(customer.Id, Day(2, 1), Money.Money.Sum(allocations.Select(a => a.Amount), currency), PaymentMethod.Cheque, allocations, ExchangeRate: document.Rate))
            .Map(r => r.Entry);
    }

    /// <summary>
    /// Runs <paramref name="work"/>: posted, every check stays clean; refused, it is for an amount or balance beyond
    /// the limit (the error's figures are) or for one of the step's own reasons, and the file is as it was.
    /// </summary>
    private static void PostedOrRefused<T>(TestCompany company, Func<BooksWrite, Result<T>> work, string what)
    {
        var before = company.Snapshot();
        var result = company.Write(work);
        if (result.IsOk)
        {
            Assert.Empty(company.Read(r => r.Checks.Run()));
            return;
        }

        switch (result.Error)
        {
            case AmountBeyondLimit beyond:
                Assert.False(AmountLimit.Within(beyond.Amount), beyond.Message);
                break;
            case AccountBalanceBeyondLimit balance:
                Assert.True(balance.Balance.Abs() > balance.Limit, balance.Message);
                break;
            case InvalidInput { Field: "test" }:
                break; // nothing for the step to work on (no open invoice)
            case InvalidInput { Field: "invoice total" }:
                break; // discounts at least as large as the charges
            default:
                Assert.Fail($"{what} was refused for another reason: {result.Error.Message}");
                break;
        }

        Assert.Equal(before, company.Snapshot());
    }

    private static Result<EntryId> Post(BooksWrite w, LimitStep step, int index)
    {
        var date = Day(1, 1).AddDays(index);
        var customers = w.Customers.List();
        var customer = customers[step.A % customers.Count];
        Money.Money Amount(decimal units, Currency currency) => Money.Money.Of(units / 100m, currency);
        switch (step.Kind)
        {
            case LimitStepKind.General:
                var amount = Amount(step.Units, Currency.CAD);
                return w.General.Post(new(date, "near the limit", [
                    GeneralLine.Debit(new(Accounts[step.A % Accounts.Length]), amount),
                    GeneralLine.Credit(new(Accounts[step.B % Accounts.Length]), amount)]));
            case LimitStepKind.Sale:
                // Up to a dozen lines, each the amount or a part of it, taxed by the customer's code or not at all;
                // with Flag the later half are discounts (negative lines), so the total may stay within the limit.
                var count = 1 + (step.B % 12);
                var lines = Enumerable.Range(0, count)
                    .Select(i => (Units: Math.Max(1, decimal.Truncate(step.Units / (1 + (i * step.B % 4)))), Discount: step.Flag && i >= (count + 1) / 2))
                    .Select((l, i) => new SaleLine("line " + i, Amount(l.Discount ? 1 - l.Units : l.Units, customer.Currency), step.A % 2 == 0 ? null : ""))
                    .ToArray();
                return w.Sales.Post(new(customer.Id, "L" + index, date, lines, ExchangeRate: customer.Currency == Currency.CAD ? null : step.Rate)).Map(i => i.Entry);
            default:
                // One customer's open invoices (up to four), each paid in full or in part, by cheque or by card
                // (whose fee goes to its own account), at the company's rate or the step's.
                var open = w.Sales.ForCustomer(customer.Id, openOnly: true);
                if (open.Count == 0)
                {
                    return new InvalidInput("test", "no open invoice");
                }

                var allocations = open.Take(1 + (step.B % 4))
                    .Select((invoice, i) => new ReceiptAllocation(invoice.Entry, step.Flag || i % 2 == 0 ? invoice.Owing : Money.Money.FromMinorUnits(Math.Max(1, invoice.Owing.MinorUnits / 2), invoice.Currency)))
                    .ToArray();
                var card = step.B % 2 == 0;
                return w.Receipts.Post(new(
                    customer.Id, date, Money.Money.Sum(allocations.Select(a => a.Amount), customer.Currency), card ? PaymentMethod.CreditCard : PaymentMethod.Cheque, allocations,
                    CreditCard: card ? "Visa" : null, ExchangeRate: customer.Currency == Currency.CAD ? null : step.Rate)).Map(r => r.Entry);
        }
    }
}
