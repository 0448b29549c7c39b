using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Sync.Tests.Support;
using Dapper;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;
using static BillingBooks.Books.Sync.Tests.Support.Scenario;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// SPEC 3.3 changes after import: an edited invoice is adjusted (reversed and posted again, its receipts re-posted),
/// a voided or deleted one and a deleted payment are reversed, one edited down to 0.00 is reversed; an edit Books
/// refuses after reversing is undone whole.
/// </summary>
public class ChangeScenarioTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private Uri Server => fixture.Server;

    [Fact]
    public async Task Invoice_edited_down_to_zero_in_Billing_is_reversed_in_Books_and_posted_again_when_it_charges_again()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Adatum");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);

        // Books refuses an invoice of nothing; Billing lets an unpaid sent invoice be edited down to it.
        var zero = await billing.EditInvoiceAsync(invoice, Line("Work", "0", "100.00", "GST"));
        var run = SyncAgainCleanly(books, billing);
        Assert.Equal((1, 0), (run.Report.Invoices.Reversed, run.Report.ConflictCount));
        Assert.Null(books.Read(r => r.Sales.FindByNumber(invoice.Number)));
        Assert.Empty(books.Read(BooksInvariants.Problems));

        await billing.EditInvoiceAsync(zero, Line("Work", "1", "80.00", "GST"));
        run = SyncAgainCleanly(books, billing);
        Assert.Equal((1, 0), (run.Report.Invoices.Imported, run.Report.ConflictCount));
        Assert.Equal("84.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Total.ToDecimalString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // imported by a Books from before migration 0102: re-posting reads a feed item the upgrade moved
    public async Task Edited_invoice_is_adjusted_and_its_receipt_reposted(bool importedBefore0102)
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Adatum");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST"));
        await billing.PayAsync(invoice, "50.00", March.AddDays(1));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);
        if (importedBefore0102) books.ToSchemaBefore0102();

        await billing.EditInvoiceAsync(invoice, Line("Work", "2", "100.00", "GST"));
        var run = SyncAgainCleanly(books, billing);
        Assert.Equal((1, 0), (run.Report.Invoices.Adjusted, run.Report.ConflictCount));
        var live = books.Read(r => r.Sales.FindByNumber(invoice.Number)!);
        Assert.Equal(("210.00", "160.00"), (live.Total.ToDecimalString(), live.Owing.ToDecimalString()));
        Assert.Equal(0L, books.Read(r => r.Connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM sync_source s LEFT JOIN sync_payload p ON p.id = s.payload_id WHERE p.id IS NULL", transaction: r.Transaction)));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // imported before the refused edit in the same transaction: counted once, not once per pass
    public async Task Edit_that_Books_refuses_after_reversing_is_undone_whole_and_later_entries_number_on_without_a_gap(bool laterFirst)
    {
        var (billing, books, invoice, later) = await RefusedEditAsync(laterFirst);
        using var _ = billing;
        using var __ = books;
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal((1, 1), (run.Report.ConflictCount, run.Report.Invoices.Imported));
        Assert.Equal((3L, 3L, 0L), EntryNumbers(books)); // invoice, receipt, then the later invoice as entry 3; nothing reversed
        Assert.Equal("55.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
        Assert.NotNull(books.Read(r => r.Sales.FindByNumber(later.Number)));
        Assert.Empty(books.Read(BooksInvariants.Problems));

        // Retried when the set-up changes (any change may be the fix): still refused, undone whole again.
        books.Write(w => w.Accounts.Add(new Accounts.AccountNumber(4600), "Other revenue", Accounts.AccountType.Revenue));
        var retry = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(retry.ExitCode == 2, retry.ToString());
        Assert.Equal(1, retry.Report.ConflictCount);
        Assert.Equal((3L, 3L, 0L), EntryNumbers(books));
        Assert.Empty(books.Read(BooksInvariants.Problems));

        // The fix the conflict names (a change to a customer, not to the set-up) is enough for the next sync to retry it.
        var fix = Assert.Single(retry.Report.Conflicts).Message;
        Assert.Contains("books customers activate", fix, StringComparison.Ordinal);
        Assert.Equal(0, books.Books("customers", "activate", "Dormant").ExitCode);
        var fixedRun = SyncAgainCleanly(books, billing);
        Assert.Equal((1, 0), (fixedRun.Report.Invoices.Adjusted, fixedRun.Report.ConflictCount));
        Assert.Equal("160.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Fact]
    public async Task Dry_run_of_an_edit_that_Books_refuses_after_reversing_plans_it_as_a_conflict_and_writes_nothing()
    {
        var (billing, books, _, _) = await RefusedEditAsync(laterFirst: false);
        using var _ = billing;
        using var __ = books;

        var run = books.WithPassword(billing.Password, "sync", "--dry-run", "--format", "json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal((1, 1, 0), (run.Report.ConflictCount, run.Report.Invoices.Imported, run.Report.Invoices.Adjusted));
        Assert.Equal((2L, 2L, 0L), EntryNumbers(books));
    }

    /// <summary>
    /// An imported, half-paid invoice whose customer is then made inactive in Books, edited in Billing (adjusting it
    /// reverses its receipt and itself, then posting the new version is refused), and another customer's new invoice.
    /// </summary>
    private async Task<(BillingAccount Billing, BooksCompany Books, InvoiceResponse Edited, InvoiceResponse Later)> RefusedEditAsync(bool laterFirst)
    {
        var billing = await SignUpAsync(Server);
        var dormant = await billing.AddCustomerAsync("Dormant");
        var invoice = await billing.InvoiceAsync(dormant.Id, March, Line("Work", "1", "100.00", "GST"));
        await billing.PayAsync(invoice, "50.00", March.AddDays(1));
        var other = await billing.AddCustomerAsync("Active");
        var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);
        books.Write(w => w.Customers.SetActive(w.Customers.FindByName("Dormant").Value.Id, active: false));

        var later = laterFirst ? await billing.InvoiceAsync(other.Id, March, Line("Later", "1", "10.00")) : null;
        await billing.EditInvoiceAsync(invoice, Line("Work", "2", "100.00", "GST"));
        later ??= await billing.InvoiceAsync(other.Id, March, Line("Later", "1", "10.00"));
        return (billing, books, invoice, later);
    }

    private static (long Entries, long Highest, long Reversals) EntryNumbers(BooksCompany books) =>
        books.Read(r => r.Connection.QuerySingle<(long, long, long)>(
            "SELECT COUNT(*), MAX(id), (SELECT COUNT(*) FROM entry WHERE reverses IS NOT NULL) FROM entry", transaction: r.Transaction));

    [Fact]
    public async Task A_payment_in_Billing_leaves_the_imported_invoice_as_posted_and_a_later_edit_still_adjusts_it()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Steady");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00", "GST"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);

        // Paying changes the invoice's status, paid and owing in Billing (a new version in the feed), not what Books posted.
        await billing.PayAsync(invoice, "50.00", March.AddDays(2));
        var paid = SyncAgainCleanly(books, billing);
        Assert.Equal((0, 1, 1), (paid.Report.Invoices.Adjusted, paid.Report.Invoices.Unchanged, paid.Report.Payments.Imported));
        Assert.Equal(["sale", "receipt"], EntryKinds(books));
        Assert.Equal("55.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));

        await billing.EditInvoiceAsync(invoice, Line("Work", "2", "100.00", "GST"));
        var edited = SyncAgainCleanly(books, billing);
        Assert.Equal(1, edited.Report.Invoices.Adjusted);
        Assert.Equal(["sale", "receipt", "reversal", "reversal", "sale", "receipt"], EntryKinds(books));
        Assert.Equal("160.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    private static string[] EntryKinds(BooksCompany books) =>
        books.Read(r => r.Connection.Query<string>("SELECT kind FROM entry ORDER BY id", transaction: r.Transaction).ToArray());

    [Fact]
    public async Task Voided_and_deleted_invoices_and_deleted_payments_are_reversed()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Humongous");
        var voided = await billing.InvoiceAsync(customer.Id, March, Line("A", "1", "10.00"));
        var deleted = await billing.InvoiceAsync(customer.Id, March, Line("B", "1", "20.00"));
        var paid = await billing.InvoiceAsync(customer.Id, March, Line("C", "1", "30.00"));
        var payment = await billing.PayAsync(paid, "30.00", March);
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);

        await billing.VoidInvoiceAsync(voided.Id);
        await billing.DeleteInvoiceAsync(deleted.Id);
        await billing.DeletePaymentAsync(payment.Id);
        var run = SyncAgainCleanly(books, billing);
        Assert.Equal((2, 1), (run.Report.Invoices.Reversed, run.Report.Payments.Reversed));
        Assert.Equal("30.00", books.Read(r => r.Customers.Balance(r.Customers.List().Single().Id).ToDecimalString()));
        var reasons = books.Read(r => r.Connection.Query<string>("SELECT memo FROM entry WHERE kind = 'reversal' ORDER BY id", transaction: r.Transaction).ToList());
        Assert.Contains(reasons, m => m.EndsWith($"Invoice {voided.Number} voided in Billing", StringComparison.Ordinal));
        Assert.Contains(reasons, m => m.EndsWith($"Invoice {deleted.Number} deleted in Billing", StringComparison.Ordinal));
        Assert.Contains(reasons, m => m.EndsWith(": Payment, cash deleted in Billing", StringComparison.Ordinal)); // as its receipt reads, not Billing's id
        Assert.DoesNotContain(reasons, m => m.Contains("changed in Billing", StringComparison.Ordinal));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }
}
