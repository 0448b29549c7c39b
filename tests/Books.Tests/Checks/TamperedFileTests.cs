using BillingBooks.Books.Checks;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Settings;
using Microsoft.Data.Sqlite;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Checks;

/// <summary>
/// A sound company file changed behind Books' back, as a reviewer did with sqlite3: each change breaks one
/// invariant, and the check names what is wrong and where (entry, invoice, receipt, account, date).
/// </summary>
public class TamperedFileTests
{
    // The sample's entries, in posting order.
    private const long OwnerInvestment = 1, AcmeInvoice = 2, AcmeCardReceipt = 3, YankeeInvoice = 4, YankeeReceipt = 5, Rent = 6;

    [Fact]
    public void The_untouched_sample_passes_every_check()
    {
        using var company = Sample();
        Assert.Empty(company.Read(r => r.Checks.Run()));
    }

    [Fact]
    public void Postings_left_behind_by_a_deleted_entry_are_reported_with_the_entry()
    {
        using var company = Sample();
        Tamper(company, $"DELETE FROM entry WHERE id = {Rent}");

        var failures = Run(company);

        var orphans = Assert.Single(failures, f => f.Check == "entries balance" && f.Where == $"entry {Rent}");
        Assert.Contains("missing", orphans.Message, StringComparison.Ordinal);
        Assert.Contains("Dr 5200 1500.00 CAD", orphans.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credits_exceeding_debits_are_reported_as_such_with_a_positive_amount()
    {
        using var company = Sample();
        Tamper(company, $"DELETE FROM posting WHERE entry_id = {Rent} AND account = 2315");

        var failure = Assert.Single(Run(company), f => f.Check == "entries balance");
        Assert.Equal($"entry {Rent}", failure.Where);
        Assert.Equal($"Entry {Rent} does not balance: credits exceed debits by 75.00 CAD.", failure.Message);
    }

    [Fact]
    public void Daily_totals_moved_to_another_day_are_reported_by_account_and_date()
    {
        using var company = Sample();
        Tamper(company, "UPDATE account_day SET date = '2026-03-11' WHERE date = '2026-03-10'");

        var failures = Run(company);

        Assert.Contains(failures, f => f.Check == "account balances" && f.Where == "account 5200 on 2026-03-10");
        Assert.Contains(failures, f => f.Check == "account balances" && f.Where == "account 5200 on 2026-03-11");
        Assert.Contains(failures, f => f.Check == "account balances" && f.Where == "account 1060 on 2026-03-11");
    }

    [Fact]
    public void An_entry_dated_outside_the_fiscal_years_is_reported_with_its_date()
    {
        using var company = Sample();
        Tamper(company, $"UPDATE entry SET date = '2025-06-01' WHERE id = {Rent}");

        var failure = Assert.Single(Run(company), f => f.Check == "entry dates");
        Assert.Equal($"entry {Rent}", failure.Where);
        Assert.Contains("2025-06-01", failure.Message, StringComparison.Ordinal);
        Assert.Contains("2026-01-01", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receipt_amount_that_disagrees_with_its_postings_and_allocations_is_reported()
    {
        using var company = Sample();
        Tamper(company, $"UPDATE receipt SET amount = amount + 5000 WHERE entry_id = {AcmeCardReceipt}");

        var failures = Run(company).Where(f => f.Where == $"receipt {AcmeCardReceipt}").ToArray();

        Assert.Contains(failures, f => f.Check == "receipts" && f.Message.Contains("allocations add up to 113.00 CAD", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Check == "receipts" && f.Message.Contains("debits 113.00 CAD", StringComparison.Ordinal));
    }

    [Fact]
    public void Allocations_beyond_the_receipt_name_the_receipt_as_well_as_the_invoice()
    {
        using var company = Sample();
        Tamper(company, $"UPDATE allocation SET amount = amount + 100000 WHERE receipt_id = {YankeeReceipt}");

        var failures = Run(company);

        Assert.Contains(failures, f => f.Check == "receipts" && f.Where == $"receipt {YankeeReceipt}" && f.Message.Contains("1200.00 USD", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Check == "invoice owing" && f.Where == "invoice 2001");
    }

    [Fact]
    public void An_invoice_line_changed_after_posting_is_reported_against_the_invoice()
    {
        using var company = Sample();
        Tamper(company, $"UPDATE invoice_line SET amount = amount + 10000 WHERE entry_id = {AcmeInvoice}");

        var failures = Run(company).Where(f => f.Where == "invoice 1001").ToArray();

        Assert.Contains(failures, f => f.Check == "invoice totals" && f.Message.Contains("lines add up to 200.00 CAD", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Check == "invoice totals" && f.Message.Contains("account 4020", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invoice_tax_changed_after_posting_is_reported_against_the_invoice()
    {
        using var company = Sample();
        Tamper(company, $"UPDATE invoice_tax SET amount = amount + 100 WHERE entry_id = {AcmeInvoice}");

        var failures = Run(company).Where(f => f.Where == "invoice 1001").ToArray();

        Assert.Contains(failures, f => f.Check == "invoice totals" && f.Message.Contains("plus taxes", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Check == "invoice totals" && f.Message.Contains("account 2310", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sale_entry_turned_into_a_general_entry_is_named_with_its_invoice()
    {
        using var company = Sample();
        Tamper(company, $"UPDATE entry SET kind = 'general' WHERE id = {AcmeInvoice}");

        var failure = Assert.Single(Run(company), f => f.Check == "documents");
        Assert.Equal($"invoice 1001, entry {AcmeInvoice}", failure.Where);
        Assert.Contains("general", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receipt_whose_entry_is_dated_another_day_is_reported()
    {
        using var company = Sample();
        Tamper(company, $"UPDATE receipt SET date = '2026-02-11' WHERE entry_id = {AcmeCardReceipt}");

        var failure = Assert.Single(Run(company));
        Assert.Equal(("documents", $"receipt {AcmeCardReceipt}"), (failure.Check, failure.Where));
        Assert.Contains("2026-02-10", failure.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<CheckFailure> Run(TestCompany company) => company.Read(r => r.Checks.Run());

    /// <summary>
    /// Entries 1-6: owner's investment; invoice 1001 to Acme (100.00 + 13.00 HST) paid by Visa; invoice 2001 to
    /// Yankee (200.00 USD at 1.35) paid at 1.40; rent of 1,500.00 + 75.00 GST paid from the bank.
    /// </summary>
    private static TestCompany Sample()
    {
        var company = new TestCompany();
        company.AllowUsd();
        company.Ok(w => w.CreditCards.Add(new CreditCard("Visa", 2.5m, new(5030), new(1065))));
        var acme = company.AddCustomer("Acme");
        var yankee = company.AddCustomer("Yankee", taxCode: null, currency: Money.Currency.USD);
        var ids = new List<long>
        {
            company.Ok(w => w.General.Post(new GeneralEntryDraft(Day(1, 2), "Owner's investment", [GeneralLine.Debit(new(1060), Cad(5000m)), GeneralLine.Credit(new(3010), Cad(5000m))]))).Value,
        };
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 1), [new("Logo", Cad(100m))])));
        ids.Add(invoice.Entry.Value);
        ids.Add(company.Ok(w => w.Receipts.Post(new(acme.Id, Day(2, 10), Cad(113m), PaymentMethod.CreditCard, [new(invoice.Entry, Cad(113m))], CreditCard: "Visa"))).Entry.Value);
        var usd = company.Ok(w => w.Sales.Post(new(yankee.Id, "2001", Day(3, 1), [new("Consulting", Usd(200m))])));
        ids.Add(usd.Entry.Value);
        ids.Add(company.Ok(w => w.Receipts.Post(new(yankee.Id, Day(3, 5), Usd(200m), PaymentMethod.Cheque, [new(usd.Entry, Usd(200m))], ExchangeRate: 1.40m))).Entry.Value);
        ids.Add(company.Ok(w => w.General.Post(new GeneralEntryDraft(Day(3, 10), "Rent", [
            GeneralLine.Debit(new(5200), Cad(1500m)), GeneralLine.Debit(new(2315), Cad(75m)), GeneralLine.Credit(new(1060), Cad(1575m))]))).Value);
        Assert.Equal([OwnerInvestment, AcmeInvoice, AcmeCardReceipt, YankeeInvoice, YankeeReceipt, Rent], ids);
        return company;
    }

    /// <summary>A hand edit with sqlite3 (foreign keys off, as the reviewer did), then the file opened again.</summary>
    private static void Tamper(TestCompany company, string sql)
    {
        using (var connection = new SqliteConnection($"Data Source={company.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the tests' own SQL
            command.CommandText = "PRAGMA foreign_keys = OFF; " + sql;
#pragma warning restore CA2100
            command.ExecuteNonQuery();
        }

        company.Reopen();
    }
}
