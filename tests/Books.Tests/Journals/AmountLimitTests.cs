using BillingBooks.Books.Journals;
using BillingBooks.Books.Settings;
using BillingBooks.Money;
using CsCheck;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Journals;

/// <summary>Amounts, entries and balances stay within <see cref="AmountLimit"/>, so no sum of the books can overflow.</summary>
public class AmountLimitTests
{
    private static readonly Money.Money Limit = AmountLimit.Max(Currency.CAD);
    private static readonly Money.Money JustOver = Limit + Cad(0.01m);

    [Fact]
    public void The_limit_is_ten_billion_in_a_two_decimal_currency()
    {
        Assert.Equal(Cad(10_000_000_000m), Limit);
    }

    [Fact]
    public void General_line_beyond_the_limit_is_refused_and_changes_nothing()
    {
        using var company = new TestCompany();
        var before = company.Snapshot();
        var error = Assert.IsType<AmountBeyondLimit>(company.Write(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(1060), JustOver), GeneralLine.Credit(new(3010), JustOver)]))).Error);
        Assert.Equal(JustOver, error.Amount);
        Assert.Equal(before, company.Snapshot());

        // Far beyond what a long holds in minor units: still a refusal, not an overflow.
        var huge = Cad(900_000_000_000_000_000m);
        Assert.IsType<AmountBeyondLimit>(company.Write(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(1060), huge), GeneralLine.Credit(new(3010), huge)]))).Error);
        Assert.Equal(before, company.Snapshot());
    }

    [Fact]
    public void General_entry_whose_total_is_beyond_the_limit_is_refused()
    {
        using var company = new TestCompany();
        var half = Cad(6_000_000_000m);
        var error = Assert.IsType<AmountBeyondLimit>(company.Write(w => w.General.Post(new(Day(2, 1), "x", [
            GeneralLine.Debit(new(1060), half), GeneralLine.Debit(new(1080), half), GeneralLine.Credit(new(3010), half), GeneralLine.Credit(new(2700), half)]))).Error);
        Assert.Equal(Cad(12_000_000_000m), error.Amount);
    }

    [Fact]
    public void Sale_line_or_total_beyond_the_limit_is_refused()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme", taxCode: "");
        var before = company.Snapshot();
        Assert.IsType<AmountBeyondLimit>(company.Write(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", JustOver)]))).Error);
        Assert.IsType<AmountBeyondLimit>(company.Write(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(900_000_000_000_000_000m))]))).Error);
        Assert.IsType<AmountBeyondLimit>(company.Write(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(9_000_000_000m), "H")]))).Error);
        Assert.Equal(before, company.Snapshot());
    }

    [Fact]
    public void Foreign_sale_worth_more_than_the_limit_in_home_currency_is_refused()
    {
        using var company = new TestCompany();
        company.AllowUsd(1.35m);
        var yank = company.AddCustomer("Yank", taxCode: "", currency: Currency.USD);
        var error = Assert.IsType<AmountBeyondLimit>(company.Write(w => w.Sales.Post(new(yank.Id, "1", Day(2, 1), [new("x", Usd(8_000_000_000m))]))).Error);
        Assert.Equal(Cad(10_800_000_000m), error.Amount);
    }

    [Fact]
    public void Foreign_sale_whose_lines_each_convert_beyond_the_limit_is_refused_however_its_discounts_bring_the_total_down()
    {
        // Found by AmountLimitPropertyTests: ten lines just under the limit less ten discounts of a cent less (0.10 USD
        // in all) at 1,000,000 CAD per USD. Each line converts to about 10^18 minor units; adding up ten of them
        // overflowed (a crash instead of a refusal).
        using var company = new TestCompany();
        company.AllowUsd(1.35m);
        var yank = company.AddCustomer("Yank", taxCode: "", currency: Currency.USD);
        var charge = AmountLimit.Max(Currency.USD) - Usd(0.01m);
        var lines = Enumerable.Repeat(new SaleLine("charge", charge), 10).Concat(Enumerable.Repeat(new SaleLine("discount", Usd(0.01m) - charge), 10)).ToArray();
        var before = company.Snapshot();

        var error = Assert.IsType<AmountBeyondLimit>(company.Write(w => w.Sales.Post(new(yank.Id, "1", Day(2, 1), lines, ExchangeRate: ExchangeRateBounds.Highest))).Error);

        Assert.Equal((Cad(9_999_999_999_990_000m), Limit), (error.Amount, error.Limit));
        Assert.StartsWith("Invoice line 1 in CAD is 9999999999990000.00 CAD", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, company.Snapshot());
    }

    [Fact]
    public void Receipt_beyond_the_limit_is_refused_even_at_a_rate_converting_it_beyond_what_a_long_holds()
    {
        // Found by AmountLimitPropertyTests: ten invoices at the limit at the lowest rate (100.00 CAD each at home),
        // paid by one receipt at 1,000,000 CAD per USD. Its amount converted beyond a long (a crash instead of a refusal).
        using var company = new TestCompany();
        company.AllowUsd(1.35m);
        var yank = company.AddCustomer("Yank", taxCode: "", currency: Currency.USD);
        var invoices = Enumerable.Range(1, 10)
            .Select(n => company.Ok(w => w.Sales.Post(new(yank.Id, "I" + n, Day(2, 1), [new("x", AmountLimit.Max(Currency.USD))], ExchangeRate: ExchangeRateBounds.Lowest))))
            .ToArray();
        var before = company.Snapshot();

        var error = Assert.IsType<AmountBeyondLimit>(company.Write(w => w.Receipts.Post(new(
            yank.Id, Day(2, 2), Usd(100_000_000_000m), PaymentMethod.Cheque, invoices.Select(i => new ReceiptAllocation(i.Entry, i.Total)).ToArray(),
            ExchangeRate: ExchangeRateBounds.Highest))).Error);

        Assert.Equal((Usd(100_000_000_000m), AmountLimit.Max(Currency.USD)), (error.Amount, error.Limit));
        Assert.StartsWith("The receipt is 100000000000.00 USD", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, company.Snapshot());
    }

    [Fact]
    public void Posting_that_would_take_an_account_balance_beyond_the_limit_is_refused()
    {
        using var company = new TestCompany();
        var big = Cad(6_000_000_000m);
        company.Ok(w => w.General.Post(new(Day(2, 1), "first", [GeneralLine.Debit(new(1060), big), GeneralLine.Credit(new(3010), big)])));
        company.Reopen();
        var before = company.Snapshot();
        var error = Assert.IsType<AccountBalanceBeyondLimit>(company.Write(w => w.General.Post(new(Day(2, 2), "second", [GeneralLine.Debit(new(1060), big), GeneralLine.Credit(new(2700), big)]))).Error);
        Assert.Equal((1060, Cad(12_000_000_000m)), (error.Account, error.Balance));
        Assert.Equal(before, company.Snapshot());

        // Bringing the balance back is always allowed, and so is going up to the limit.
        company.Ok(w => w.General.Post(new(Day(2, 3), "back", [GeneralLine.Debit(new(3010), big), GeneralLine.Credit(new(1060), big)])));
        company.Ok(w => w.General.Post(new(Day(2, 4), "to the limit", [GeneralLine.Debit(new(1060), Limit), GeneralLine.Credit(new(3010), Limit)])));
    }

    [Fact]
    public void Balance_limit_counts_entries_posted_earlier_in_the_same_scope()
    {
        using var company = new TestCompany();
        var big = Cad(6_000_000_000m);
        var result = company.Write(w => w.General.Post(new(Day(2, 1), "first", [GeneralLine.Debit(new(1060), big), GeneralLine.Credit(new(3010), big)]))
            .Then(_ => w.General.Post(new(Day(2, 2), "second", [GeneralLine.Debit(new(1060), big), GeneralLine.Credit(new(2700), big)]))));
        Assert.IsType<AccountBalanceBeyondLimit>(result.Error);
    }

    [Fact]
    public void Receivable_beyond_the_limit_is_explained_without_suggesting_a_journal_entry_Books_refuses_on_it()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        company.Ok(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(6_000_000_000m))])));

        var error = Assert.IsType<AccountBalanceBeyondLimit>(company.Write(w => w.Sales.Post(new(acme.Id, "2", Day(2, 2), [new("x", Cad(6_000_000_000m))]))).Error);

        Assert.DoesNotContain("journal post", error.Message, StringComparison.Ordinal);
        Assert.Contains("Accounts Receivable (account 1200)", error.Message, StringComparison.Ordinal);
        Assert.Contains("receipts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reports_amounts_beyond_the_limit_in_an_old_file_instead_of_crashing()
    {
        using var company = new TestCompany();
        var id = company.Ok(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(1060), Cad(1m)), GeneralLine.Credit(new(3010), Cad(1m))])));
        OverflowingEntries(company);

        var failures = company.Read(r => r.Checks.Run());
        Assert.Contains(failures, f => f.Check == "amount limit" && f.Where == "entry 2");
        Assert.Contains(failures, f => f.Check == "amount limit" && f.Where == "entry 3");
        Assert.DoesNotContain(failures, f => f.Where == $"entry {id}");
    }

    [Fact]
    public void Entries_beyond_the_limit_in_an_old_file_can_be_reversed()
    {
        using var company = new TestCompany();
        company.Ok(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(1060), Cad(1m)), GeneralLine.Credit(new(3010), Cad(1m))])));
        OverflowingEntries(company);
        company.Ok(w => w.Entries.Reverse(new(3), Day(2, 11), "absurd"));
        company.Ok(w => w.Entries.Reverse(new(2), Day(2, 10), "absurd"));
        // Raw postings of the reversed pair still cannot be summed in one go, but nothing is beyond the limit any more.
        Assert.DoesNotContain(company.Read(r => r.Checks.Run()), f => f.Check == "amount limit");
        Assert.Equal(2, company.Read(r => r.Reports.TrialBalance(Day(3, 31))).Rows.Count);
    }

    [Fact]
    public void Whatever_is_posted_every_balance_stays_within_the_limit_and_the_reports_add_up()
    {
        var entry = Gen.Select(Gen.Int[0, 7], Gen.Int[0, 7], Gen.Long[1, 2 * AmountLimit.MaxMinorUnits], Gen.Int[0, 364]);
        entry.Array[1, 30].Sample(entries =>
        {
            int[] accounts = [1060, 1080, 1320, 2100, 2700, 3010, 4200, 5100];
            using var company = new TestCompany();
            foreach (var (debit, credit, units, day) in entries.Where(e => e.Item1 != e.Item2))
            {
                var amount = Money.Money.FromMinorUnits(units, Currency.CAD);
                var posted = company.Write(w => w.General.Post(new(Day(1, 1).AddDays(day), "x", [GeneralLine.Debit(new(accounts[debit]), amount), GeneralLine.Credit(new(accounts[credit]), amount)])));
                Assert.True(posted.IsOk || posted.Error is AmountBeyondLimit or AccountBalanceBeyondLimit, posted.ToString());
            }

            var trial = company.Read(r => r.Reports.TrialBalance(Day(12, 31)));
            Assert.Equal(trial.TotalDebit, trial.TotalCredit);
            Assert.All(trial.Rows, r => Assert.True(r.Debit <= Limit && r.Credit <= Limit, $"{r.Number}: {r.Debit} {r.Credit}"));
            Assert.Empty(company.Read(r => r.Checks.Run()));
        }, iter: 40, threads: 2);
    }

    /// <summary>What an older Books let through: two entries of 5 * 10^18 minor units on 1060, whose sum overflows a long.</summary>
    internal static void OverflowingEntries(TestCompany company) => company.Ok(w =>
    {
        foreach (var (id, day) in new[] { (2L, "2026-02-10"), (3L, "2026-02-11") })
        {
            var c = w.Connection;
            var t = w.Transaction;
            var big = 5_000_000_000_000_000_000L;
            Dapper.SqlMapper.Execute(c, "INSERT INTO entry (id, kind, date, memo, posted_at) VALUES (@id, 'general', @day, 'huge', '2026-02-10T00:00:00.0000000+00:00')", new { id, day }, t);
            Dapper.SqlMapper.Execute(c, "INSERT INTO posting (entry_id, line_no, account, amount) VALUES (@id, 1, 1060, @big), (@id, 2, 3010, -@big)", new { id, big }, t);
            Dapper.SqlMapper.Execute(c, "INSERT INTO account_day (account, date, amount) VALUES (1060, @day, @big), (3010, @day, -@big)", new { day, big }, t);
            Dapper.SqlMapper.Execute(c, "INSERT INTO audit_trail (at, action, entry_id, detail) VALUES ('2026-02-10T00:00:00.0000000+00:00', 'post', @id, 'huge')", new { id }, t);
        }

        return Result<Unit>.Ok(Unit.Value);
    });
}
