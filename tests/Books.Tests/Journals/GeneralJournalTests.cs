using BillingBooks.Books.Journals;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Journals;

public class GeneralJournalTests
{
    [Fact]
    public void Balanced_entry_is_posted_with_an_audit_record()
    {
        using var company = new TestCompany();
        var id = company.Ok(w => w.General.Post(new(Day(2, 1), "Owner invests", [GeneralLine.Debit(new(1060), Cad(1000m)), GeneralLine.Credit(new(3010), Cad(1000m))])));
        var entry = company.Read(r => r.Entries.Get(id)).Value;
        Assert.Equal(EntryKind.General, entry.Kind);
        Assert.Equal("Owner invests", entry.Memo);
        Assert.Equal(company.Clock.GetUtcNow(), entry.PostedAt);
        var audit = Assert.Single(company.Read(r => r.Entries.AuditTrail()));
        Assert.Equal(("post", id, company.Clock.GetUtcNow()), (audit.Action, audit.Entry, audit.At));
    }

    [Fact]
    public void Unbalanced_entry_is_refused_and_changes_nothing()
    {
        using var company = new TestCompany();
        var before = company.Snapshot();
        var error = Assert.IsType<Unbalanced>(company.Write(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(1060), Cad(100m)), GeneralLine.Credit(new(3010), Cad(99.99m))]))).Error);
        Assert.Equal("The entry does not balance: debits 100.00 and credits 99.99 differ by 0.01. Make debits equal credits.", error.Message);
        Assert.Equal(before, company.Snapshot());
    }

    [Fact]
    public void Entry_needs_two_lines_known_accounts_and_a_date_in_the_fiscal_year()
    {
        using var company = new TestCompany();
        Assert.IsType<TooFewLines>(company.Write(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(1060), Cad(0m))]))).Error);
        Assert.IsType<UnknownAccount>(company.Write(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(1061), Cad(1m)), GeneralLine.Credit(new(3010), Cad(1m))]))).Error);
        Assert.IsType<OutsideFiscalYear>(company.Write(w => w.General.Post(new(new DateOnly(2025, 12, 31), "x", [GeneralLine.Debit(new(1060), Cad(1m)), GeneralLine.Credit(new(3010), Cad(1m))]))).Error);
        Assert.IsType<CurrencyMismatch>(company.Write(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(1060), Usd(1m)), GeneralLine.Credit(new(3010), Usd(1m))]))).Error);
    }

    [Fact]
    public void Receivable_and_current_earnings_are_posted_only_by_books()
    {
        using var company = new TestCompany();
        Assert.IsType<ReservedAccount>(company.Write(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(1200), Cad(1m)), GeneralLine.Credit(new(4020), Cad(1m))]))).Error);
        Assert.IsType<ReservedAccount>(company.Write(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(1060), Cad(1m)), GeneralLine.Credit(new(3600), Cad(1m))]))).Error);
    }

    [Fact]
    public void Adjusting_a_general_entry_returns_the_reversal_and_the_replacement()
    {
        using var company = new TestCompany();
        var id = company.Ok(w => w.General.Post(new(Day(2, 1), "Rent", [GeneralLine.Debit(new(5200), Cad(500m)), GeneralLine.Credit(new(1060), Cad(500m))])));
        var adjusted = company.Ok(w => w.General.Adjust(id, new(Day(2, 1), "Rent", [GeneralLine.Debit(new(5200), Cad(550m)), GeneralLine.Credit(new(1060), Cad(550m))]), "amount"));
        Assert.Equal(adjusted.Reversal, company.Read(r => r.Entries.Get(id)).Value.ReversedBy);
        Assert.Equal(Cad(550m), company.Read(r => r.Reports.TrialBalance(Day(2, 1))).Rows.Single(r => r.Number.Value == 5200).Debit);
        Assert.IsType<WrongEntryKind>(company.Write(w => w.Sales.Adjust(adjusted.Replacement, new(new(1), "1", Day(2, 1), []), "x")).Error);
    }
}
