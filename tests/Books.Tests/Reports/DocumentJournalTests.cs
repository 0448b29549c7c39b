using BillingBooks.Books.Accounts;
using BillingBooks.Books.Journals;
using CsCheck;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Reports;

/// <summary>
/// The sales and receipts journals as of their period: a document counts in the period it is dated in, and its
/// reversal in the period the reversal is dated in, as a row of its own with negative amounts - so each period's
/// journal total agrees with the ledger for that period, whatever happened later.
/// </summary>
public class DocumentJournalTests
{
    [Fact]
    public void An_invoice_reversed_after_the_period_counts_in_its_period_and_is_not_shown_reversed()
    {
        using var company = new TestCompany();
        var a = company.AddCustomer("A");
        company.Ok(w => w.Sales.Post(new(a.Id, "1", Day(3, 1), [new("x", Cad(100m), "")])));
        var second = company.Ok(w => w.Sales.Post(new(a.Id, "2", Day(3, 2), [new("x", Cad(200m), "")])));
        var reversal = company.Ok(w => w.Entries.Reverse(second.Entry, Day(4, 15), "wrong customer"));

        var march = company.Read(r => r.Reports.SalesJournal(Day(3, 1), Day(3, 31)));
        Assert.Equal([("1", false, (EntryId?)null, 100m), ("2", false, null, 200m)], march.Rows.Select(r => (r.Number, r.Reversed, r.Reverses, r.Home.Amount)));
        Assert.Equal(Cad(300m), march.TotalHome);

        var april = company.Read(r => r.Reports.SalesJournal(Day(4, 1), Day(4, 30)));
        var row = Assert.Single(april.Rows);
        Assert.Equal((reversal, Day(4, 15), "2", (EntryId?)second.Entry), (row.Entry, row.Date, row.Number, row.Reverses));
        Assert.Equal((-200m, 0m, -200m, -200m), (row.Subtotal.Amount, row.Tax.Amount, row.Total.Amount, row.Home.Amount));
        Assert.Equal(Cad(-200m), april.TotalHome);
    }

    [Fact]
    public void An_invoice_reversed_in_its_own_period_shows_reversed_and_its_reversal_nets_it_to_zero()
    {
        using var company = new TestCompany();
        var a = company.AddCustomer("A");
        var invoice = company.Ok(w => w.Sales.Post(new(a.Id, "1", Day(3, 1), [new("x", Cad(100m), "")])));
        company.Ok(w => w.Entries.Reverse(invoice.Entry, Day(3, 20), "duplicate"));

        var march = company.Read(r => r.Reports.SalesJournal(Day(3, 1), Day(3, 31)));
        Assert.Equal([(true, (EntryId?)null, 100m), (false, invoice.Entry, -100m)], march.Rows.Select(r => (r.Reversed, r.Reverses, r.Home.Amount)));
        Assert.Equal(Cad(0m), march.TotalHome);
    }

    [Fact]
    public void A_receipt_reversed_after_the_period_counts_in_its_period()
    {
        using var company = new TestCompany();
        var a = company.AddCustomer("A");
        var invoice = company.Ok(w => w.Sales.Post(new(a.Id, "1", Day(4, 1), [new("x", Cad(100m), "")])));
        var receipt = company.Ok(w => w.Receipts.Post(new(a.Id, Day(4, 10), Cad(100m), PaymentMethod.Cash, [new(invoice.Entry, Cad(100m))])));
        company.Ok(w => w.Entries.Reverse(receipt.Entry, Day(4, 12), "bounced"));

        var early = company.Read(r => r.Reports.ReceiptsJournal(Day(4, 1), Day(4, 10)));
        Assert.Equal([(false, (EntryId?)null, 100m)], early.Rows.Select(r => (r.Reversed, r.Reverses, r.Home.Amount)));
        Assert.Equal(Cad(100m), early.TotalHome);

        var later = company.Read(r => r.Reports.ReceiptsJournal(Day(4, 11), Day(4, 30)));
        var row = Assert.Single(later.Rows);
        Assert.Equal((receipt.Entry, -100m), (row.Reverses!.Value, row.Home.Amount));
        Assert.Equal(["1"], row.Invoices);
        Assert.Equal(Cad(-100m), later.TotalHome);

        Assert.Equal(Cad(0m), company.Read(r => r.Reports.ReceiptsJournal(Day(4, 1), Day(4, 30))).TotalHome);
    }

    /// <summary>
    /// Random histories (sales, receipts in CAD, USD and by card, reversals, adjustments), any period: the sales
    /// journal's total is what sales and their reversals dated in the period posted to Accounts Receivable, and the
    /// receipts journal's total what receipts and their reversals posted to the deposit and card fee accounts.
    /// </summary>
    [Fact]
    public void Journal_totals_for_any_period_agree_with_the_ledger()
    {
        Gen.Select(RandomBooks.History, Gen.Int[0, 1460], Gen.Int[0, 364]).Sample((history, start, length) =>
        {
            using var company = RandomBooks.NewCompany();
            foreach (var op in history)
            {
                RandomBooks.Apply(company, op);
            }

            var from = Day(1, 1).AddDays(start);
            var to = from.AddDays(length);
            var receivable = new AccountNumber(1200);
            var exchange = new AccountNumber(5040);
            var entries = company.Read(r => r.Entries.List(from, to));
            var kinds = company.Read(r => r.Entries.List().ToDictionary(e => e.Id, e => e.Kind));
            EntryKind Document(JournalEntry e) => e.Reverses is { } reversed ? kinds[reversed] : e.Kind;

            var sales = entries.Where(e => Document(e) == EntryKind.Sale).SelectMany(e => e.Lines).Where(l => l.Account == receivable);
            Assert.Equal(sales.Aggregate(Cad(0m), (sum, l) => sum + l.Amount), company.Read(r => r.Reports.SalesJournal(from, to)).TotalHome);

            var cash = entries.Where(e => Document(e) == EntryKind.Receipt).SelectMany(e => e.Lines).Where(l => l.Account != receivable && l.Account != exchange);
            Assert.Equal(cash.Aggregate(Cad(0m), (sum, l) => sum + l.Amount), company.Read(r => r.Reports.ReceiptsJournal(from, to)).TotalHome);
        }, iter: 60, threads: 2);
    }
}
