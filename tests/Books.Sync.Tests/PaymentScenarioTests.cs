using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Sync.Tests.Support;
using static BillingBooks.Books.Sync.Tests.Support.BillingAccount;
using static BillingBooks.Books.Sync.Tests.Support.Scenario;

namespace BillingBooks.Books.Sync.Tests;

/// <summary>
/// SPEC 3.4 payments Books cannot apply as Billing did - dated before their invoice (from before Billing refused
/// that), above what Books owes because of receipts entered in Books: each waits, saying what to do where.
/// </summary>
public class PaymentScenarioTests(BillingFixture fixture) : IClassFixture<BillingFixture>
{
    private Uri Server => fixture.Server;

    [Fact]
    public async Task Payment_dated_before_its_invoice_from_before_Billing_refused_them_waits_with_the_fix_to_make_in_Billing_then_imports()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Early Payer");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        var payment = await billing.PayAsync(invoice, "100.00", March);
        BillingAccount.BackdateInDatabase(fixture.Billing, payment, March.AddDays(-3));
        using var books = new BooksCompany();

        var first = books.Sync(Server, billing);

        Assert.True(first.ExitCode == 2, first.ToString());
        var conflict = Assert.Single(first.Report.Conflicts).Message;
        Assert.Contains("dated 2026-02-27, before invoice", conflict, StringComparison.Ordinal);
        Assert.Contains("in Billing, date the payment 2026-03-02 or later", conflict, StringComparison.Ordinal);
        Assert.DoesNotContain("Date the receipt", conflict, StringComparison.Ordinal); // the engine's advice is for receipts entered in Books

        await billing.RedatePaymentAsync(payment, March);
        var second = SyncAgainCleanly(books, billing);
        Assert.Equal((1, 0), (second.Report.Payments.Imported, second.Report.ConflictCount));
        Assert.Equal("0.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
    }

    [Fact]
    public async Task Payment_dated_before_its_invoice_from_before_Billing_refused_them_imports_in_the_sync_after_the_invoice_is_redated_in_Billing()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Early Payer");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        BillingAccount.BackdateInDatabase(fixture.Billing, await billing.PayAsync(invoice, "100.00", March), March.AddDays(-3));
        using var books = new BooksCompany();
        Assert.True(books.Sync(Server, billing).ExitCode == 2);

        await billing.RedateInvoiceAsync(invoice, March.AddDays(-3), Line("Work", "1", "100.00"));
        var second = SyncAgainCleanly(books, billing);

        Assert.Equal((1, 1, 0), (second.Report.Invoices.Adjusted, second.Report.Payments.Imported, second.Report.ConflictCount));
        Assert.Equal("0.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
    }

    [Fact]
    public async Task Payment_above_what_Books_owes_after_a_receipt_entered_in_Books_names_that_receipt_to_reverse()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Double Payer");
        var invoice = await billing.InvoiceAsync(customer.Id, March, Line("Work", "1", "100.00"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);
        var byHand = books.Write(w =>
        {
            var posted = w.Sales.FindByNumber(invoice.Number)!;
            return w.Receipts.Post(new Journals.ReceiptDraft(posted.Customer, March.AddDays(1), Money.Money.Of(60m, Money.Currency.CAD), Journals.PaymentMethod.Cash,
                [new Journals.ReceiptAllocation(posted.Entry, Money.Money.Of(60m, Money.Currency.CAD))]));
        }).Value;

        await billing.PayAsync(invoice, "50.00", March.AddDays(2));
        var first = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(first.ExitCode == 2, first.ToString());
        var conflict = Assert.Single(first.Report.Conflicts).Message;
        Assert.Contains($"receipts reverse {byHand.Entry.Value}", conflict, StringComparison.Ordinal);
        Assert.DoesNotContain("Allocate at most", conflict, StringComparison.Ordinal); // the engine's advice is for receipts entered in Books

        Assert.Equal(0, books.Books("receipts", "reverse", byHand.Entry.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).ExitCode);
        var second = SyncAgainCleanly(books, billing);
        Assert.Equal("50.00", books.Read(r => r.Sales.FindByNumber(invoice.Number)!.Owing.ToDecimalString()));
    }

    [Fact]
    public async Task Payment_above_what_Books_owes_names_only_the_receipts_on_the_invoice_it_exceeds()
    {
        using var billing = await SignUpAsync(Server);
        var customer = await billing.AddCustomerAsync("Two Invoices");
        var a = await billing.InvoiceAsync(customer.Id, March, Line("A", "1", "100.00"));
        var b = await billing.InvoiceAsync(customer.Id, March, Line("B", "1", "100.00"));
        using var books = new BooksCompany();
        Assert.Equal(0, books.Sync(Server, billing).ExitCode);
        var onA = ReceiptByHand(books, a.Number, 60m);
        var onB = ReceiptByHand(books, b.Number, 10m);

        await billing.SendAsync<PaymentDocument>(HttpMethod.Post, "api/v1/payments", new PaymentRequest(customer.Id, March.AddDays(2), "100.00", "CAD",
            PaymentMethods.Cash, null, null, null, [new PaymentApplicationDocument(a.Id, "50.00"), new PaymentApplicationDocument(b.Id, "50.00")]));
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");

        Assert.True(run.ExitCode == 2, run.ToString());
        var conflict = Assert.Single(run.Report.Conflicts);
        Assert.Contains($"receipts reverse {onA}", conflict.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain($"receipts reverse {onB}", conflict.Fix, StringComparison.Ordinal); // B still owes enough for its 50.00
    }

    private static long ReceiptByHand(BooksCompany books, string invoiceNumber, decimal amount) =>
        books.Write(w =>
        {
            var posted = w.Sales.FindByNumber(invoiceNumber)!;
            return w.Receipts.Post(new Journals.ReceiptDraft(posted.Customer, March.AddDays(1), Money.Money.Of(amount, Money.Currency.CAD), Journals.PaymentMethod.Cash,
                [new Journals.ReceiptAllocation(posted.Entry, Money.Money.Of(amount, Money.Currency.CAD))]));
        }).Value.Entry.Value;
}
