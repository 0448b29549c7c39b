using System.Globalization;
using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// Receipts entered in Books by hand on invoices imported from Billing: Billing never sees them, so they make Books
/// owe less than Billing, or stand in the way of what the sync must do. Each case names the receipts and the command.
/// </summary>
public class HandReceiptTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private static readonly DateOnly March = new(2026, 3, 2);

    private Uri Server => fixture.Server;

    [Fact]
    public async Task Payment_that_fits_beside_a_receipt_entered_in_Books_posts_and_the_reconciliation_names_that_receipt_to_reverse_and_exits_2()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Paid Twice");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "265.00"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);
        var byHand = books.Books("receipts", "post", "--customer", "Paid Twice", "--allocate", $"{invoice.Number}=100.00", "--date", "2026-03-04");
        Assert.True(byHand.ExitCode == 0, byHand.ToString());
        var entry = HandReceipt(books);

        await billing.PayAsync(invoice, "100.00", March.AddDays(3));
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(1, run.Report.Payments.Imported);
        var reconciliation = run.Report.Reconciliation;
        Assert.False(reconciliation.Clean, run.ToString());
        var owing = Assert.Single(reconciliation.Differences, d => d.What == "owing by customer Paid Twice (CAD)");
        Assert.Equal(("65.00", "165.00", false), (owing.Books, owing.Billing, owing.Expected));
        Assert.Contains(owing.Records, r => r.Contains($"books --file {books.Path} receipts reverse {entry}", StringComparison.Ordinal));
        Assert.DoesNotContain(reconciliation.Differences, d => d.What.StartsWith("invoiced", StringComparison.Ordinal));

        var table = books.WithPassword(billing.Password, "sync");
        Assert.True(table.ExitCode == 2, table.ToString());
        Assert.Contains($"receipts reverse {entry}", table.Stdout, StringComparison.Ordinal);

        Assert.Equal(0, books.Books("receipts", "reverse", entry.ToString(CultureInfo.InvariantCulture)).ExitCode);
        var again = books.WithPassword(billing.Password, "sync", "--format", "json");
        Assert.True(again.ExitCode == 0 && again.Report.Reconciliation.Clean && again.Report.Reconciliation.Differences.Count == 0, again.ToString());
        Assert.Empty(books.Read(BooksInvariants.Problems));
    }

    [Fact]
    public async Task Json_report_is_not_clean_beside_differences_even_when_each_is_expected()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Abroad", "USD");
        await billing.InvoiceAsync(customer.Id, March, "USD", null, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();

        var run = books.Sync(Server, billing);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.NotEmpty(run.Report.Reconciliation.Differences);
        Assert.All(run.Report.Reconciliation.Differences, d => Assert.True(d.Expected, run.ToString()));
        Assert.DoesNotContain("\"clean\":true", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(run.Report.Reconciliation.Differences, d => d.What == "invoiced to customer Abroad (USD)"); // named, though Books holds none of its invoices
    }

    [Fact]
    public async Task Invoice_edited_in_Billing_while_a_receipt_entered_in_Books_pays_it_waits_with_the_command_that_reverses_that_receipt()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Hand Payer");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);
        Assert.Equal(0, books.Books("receipts", "post", "--customer", "Hand Payer", "--allocate", $"{invoice.Number}=40.00", "--date", "2026-03-04").ExitCode);
        var entry = HandReceipt(books);

        await billing.EditInvoiceAsync(invoice, Line("Work", "2", "100.00"));
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(run.ExitCode == 2, run.ToString());
        var conflict = Assert.Single(run.Report.Conflicts);
        Assert.Equal($"Invoice {invoice.Number}", conflict.Label);
        Assert.Equal($"books --file {books.Path} receipts reverse {entry}", conflict.Fix);
        Assert.Contains($"entry {entry}", conflict.Problem, StringComparison.Ordinal);
        Assert.Contains("then sync again", conflict.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("then the invoice", conflict.Problem, StringComparison.Ordinal); // the sync reverses the invoice itself
        Assert.DoesNotContain($"Invoice {invoice.Number}", conflict.Problem, StringComparison.Ordinal); // the label says it already

        Assert.Equal(0, books.Books("receipts", "reverse", entry.ToString(CultureInfo.InvariantCulture)).ExitCode);
        var again = books.WithPassword(billing.Password, "sync", "--format", "json");
        Assert.True(again.ExitCode == 0 && again.Report.Invoices.Adjusted == 1 && again.Report.Reconciliation.Clean, again.ToString());
        Assert.Equal("200.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
    }

    [Fact]
    public async Task Invoice_voided_in_Billing_while_a_receipt_entered_in_Books_pays_it_says_voided_and_names_the_receipt()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Void Payer");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);
        Assert.Equal(0, books.Books("receipts", "post", "--customer", "Void Payer", "--allocate", $"{invoice.Number}=40.00", "--date", "2026-03-04").ExitCode);
        var entry = HandReceipt(books);

        await billing.VoidInvoiceAsync(invoice.Id);
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(run.ExitCode == 2, run.ToString());
        var conflict = Assert.Single(run.Report.Conflicts);
        Assert.StartsWith("it was voided in Billing, but receipts entered in Books pay it", conflict.Problem, StringComparison.Ordinal);
        Assert.Equal($"books --file {books.Path} receipts reverse {entry}", conflict.Fix);

        Assert.Equal(0, books.Books("receipts", "reverse", entry.ToString(CultureInfo.InvariantCulture)).ExitCode);
        var again = books.WithPassword(billing.Password, "sync", "--format", "json");
        Assert.True(again.ExitCode == 0 && again.Report.Invoices.Reversed == 1 && again.Report.Reconciliation.Clean, again.ToString());
    }

    [Fact]
    public async Task Invoice_edited_down_to_zero_in_Billing_while_a_receipt_entered_in_Books_pays_it_says_so_not_voided()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Zero Payer");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);
        Assert.Equal(0, books.Books("receipts", "post", "--customer", "Zero Payer", "--allocate", $"{invoice.Number}=40.00", "--date", "2026-03-04").ExitCode);

        await billing.EditInvoiceAsync(invoice, Line("Work", "1", "0.00"));
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(run.ExitCode == 2, run.ToString());
        var conflict = Assert.Single(run.Report.Conflicts);
        Assert.StartsWith("it was edited down to 0.00 in Billing, but receipts entered in Books pay it", conflict.Problem, StringComparison.Ordinal);
        Assert.Contains("to refund or to apply to another invoice", conflict.Problem, StringComparison.Ordinal);
    }

    /// <summary>The entry of the only receipt in the file that the sync did not post.</summary>
    private static long HandReceipt(BooksCompany books) =>
        books.Read(r => Dapper.SqlMapper.QuerySingle<long>(r.Connection,
            "SELECT entry_id FROM receipt WHERE entry_id NOT IN (SELECT books_id FROM sync_source WHERE books_id IS NOT NULL)", transaction: r.Transaction));
}
