using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;
using static BillingBooks.Books.Sync.Tests.Support.Scenario;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// SPEC 3.4 what Books itself refuses - a date outside the years the books keep, a number taken by an invoice
/// entered in Books: the record waits with the command that fixes it, and imports at the next sync once it is run.
/// </summary>
public class ConflictScenarioTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private Uri Server => fixture.Server;

    [Fact]
    public async Task Invoices_before_the_books_first_day_wait_until_the_books_are_opened_for_that_history()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Old Timer");
        var lastYear = new DateOnly(2025, 3, 2);
        var invoice = await billing.InvoiceAsync(customer.Id, lastYear, Line("Work", "1", "100.00"));
        await billing.PayAsync(invoice, "40.00", lastYear.AddDays(5), PaymentMethods.Cheque);
        using var books = new BooksCompany();

        var first = books.Sync(Server, billing);

        Assert.True(first.ExitCode == 2, first.ToString());
        var early = Assert.Single(first.Report.Conflicts, c => c.Record.Kind == "invoice");
        Assert.Equal($"books --file {books.Path} settings set --history-from 2025-03-02", early.Fix); // like every other fix, with the file

        // The command the message names opens the books for last year; the next sync imports both records.
        var opened = books.Books("settings", "set", "--history-from", "2025-03-02");
        Assert.True(opened.ExitCode == 0, opened.ToString());
        var second = SyncAgainCleanly(books, billing);
        Assert.Empty(second.Report.Conflicts);
        Assert.Equal("60.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Fact]
    public async Task Invoice_number_taken_by_an_invoice_entered_in_Books_imports_once_that_invoice_is_reversed()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Numbered Twice");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        books.Write(w => w.Sales.Post(new Journals.SaleDraft(w.Customers.Add(new("Walk-in")).Value.Id, invoice.Number, March,
            [new Journals.SaleLine("Counter sale", Money.Money.Of(20m, Money.Currency.CAD))])));

        var first = books.Sync(Server, billing);
        Assert.True(first.ExitCode == 2, first.ToString());
        var conflict = Assert.Single(first.Report.Conflicts);
        Assert.Contains($"its number {invoice.Number} is used in Books by an invoice entered there", conflict.Message, StringComparison.Ordinal);
        Assert.Equal($"books --file {books.Path} sales reverse {invoice.Number}", conflict.Fix);

        // The user runs the command the conflict gives: neither the set-up nor an amount owed changes.
        var fixed_ = books.Books(ShellWords(conflict.Fix!)[3..]);
        Assert.True(fixed_.ExitCode == 0, fixed_.ToString());
        var second = SyncAgainCleanly(books, billing);
        Assert.Equal((1, 0), (second.Report.Invoices.Imported, second.Report.ConflictCount));
    }

    [Fact]
    public async Task Invoice_dated_after_the_current_fiscal_year_waits_with_the_year_end_command_that_Books_then_accepts()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Early Bird");
        var invoice = await billing.InvoiceAsync(customer.Id, new DateOnly(2027, 1, 15), Line("Retainer", "1", "100.00"));
        using var books = new BooksCompany(); // its fiscal year is 2026

        var first = books.Sync(Server, billing);

        Assert.True(first.ExitCode == 2, first.ToString());
        var conflict = Assert.Single(first.Report.Conflicts);
        // Books refuses year-end until the year has ended unless told to start the next one early.
        var early = DateOnly.FromDateTime(DateTime.Now) <= new DateOnly(2026, 12, 31);
        Assert.Equal($"books --file {books.Path} year-end{(early ? " --before-year-end" : "")}", conflict.Fix);
        var fixed_ = books.Books(ShellWords(conflict.Fix!)[3..]);
        Assert.True(fixed_.ExitCode == 0, fixed_.ToString());
        var second = SyncAgainCleanly(books, billing);
        Assert.Equal((1, 0), (second.Report.Invoices.Imported, second.Report.ConflictCount));
        Assert.Equal("100.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
    }
}
