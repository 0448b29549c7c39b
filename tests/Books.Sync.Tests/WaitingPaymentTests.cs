using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>SPEC 3.4: a payment for an invoice that is in conflict waits for that invoice - whichever version of it is in conflict.</summary>
public class WaitingPaymentTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private static readonly DateOnly March = new(2026, 3, 2);

    private Uri Server => fixture.Server;

    [Fact]
    public async Task Payment_edited_while_its_invoices_new_version_is_in_conflict_waits_for_that_invoice_then_follows_it()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Edited Twice");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        var payment = await billing.PayAsync(invoice, "100.00", March.AddDays(3));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);

        // The invoice's new version is dated before the books' first day (a conflict); then the payment changes too.
        var edited = await billing.RedateInvoiceAsync(invoice, new DateOnly(2025, 3, 2), Line("Work", "1", "150.00"));
        await billing.RedatePaymentAsync(payment, March.AddDays(5));
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(0, run.Report.Payments.Adjusted);
        var waiting = Assert.Single(run.Report.Conflicts, c => c.Record.Kind == "payment");
        Assert.StartsWith($"waits for Invoice {invoice.Number}, which is in conflict", waiting.Problem, StringComparison.Ordinal);
        Assert.Equal("100.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Total.ToDecimalString())); // the version posted before
        Assert.Equal(2, books.Read(r => r.Entries.List().Count)); // nothing posted against the stale version

        Assert.Equal(0, books.Books("settings", "set", "--history-from", "2025-03-02").ExitCode);
        var fixedRun = books.WithPassword(billing.Password, "sync", "--format", "json");
        Assert.True(fixedRun.ExitCode == 0 && fixedRun.Report.Reconciliation.Clean, fixedRun.ToString());
        Assert.Equal((1, 1), (fixedRun.Report.Invoices.Adjusted, fixedRun.Report.Payments.Adjusted));
        Assert.Equal("50.00", books.Read(r => r.Sales.FindByNumber(edited.Number)!.Owing.ToDecimalString()));
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }
}
