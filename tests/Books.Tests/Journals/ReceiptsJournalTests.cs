using BillingBooks.Books.Journals;
using BillingBooks.Books.Settings;
using BillingBooks.Money;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Journals;

public class ReceiptsJournalTests
{
    [Fact]
    public void Partial_receipt_reduces_what_the_invoice_owes()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(100m))])));
        var receipt = company.Ok(w => w.Receipts.Post(new(acme.Id, Day(2, 10), Cad(50m), PaymentMethod.Cheque, [new(invoice.Entry, Cad(50m))], Reference: "123")));

        Assert.Equal(Cad(63m), company.Read(r => r.Sales.Get(invoice.Entry)).Value.Owing);
        Assert.Equal("123", receipt.Reference);
        Assert.Equal(new(1060), receipt.DepositAccount);
        var entry = company.Read(r => r.Entries.Get(receipt.Entry)).Value;
        Assert.Equal([(1060, 50m), (1200, -50m)], entry.Lines.Select(l => (l.Account.Value, l.Amount.Amount)));
        Assert.Equal(Cad(63m), company.Read(r => r.Customers.Balance(acme.Id)));
    }

    [Fact]
    public void Receipt_larger_than_owing_is_refused_and_changes_nothing()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 1), [new("x", Cad(100m))])));
        var before = company.Snapshot();
        var error = Assert.IsType<ReceiptExceedsOwing>(company.Write(w => w.Receipts.Post(new(acme.Id, Day(2, 10), Cad(113.01m), PaymentMethod.Cash, [new(invoice.Entry, Cad(113.01m))]))).Error);
        Assert.Equal("The receipt allocates 113.01 CAD to invoice 1001, which owes only 113.00 CAD. Allocate at most 113.00.", error.Message);
        Assert.Equal(before, company.Snapshot());
    }

    [Fact]
    public void Receipt_dated_before_the_invoice_it_pays_is_refused_and_changes_nothing()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(3, 2), [new("x", Cad(100m))])));
        var before = company.Snapshot();
        var error = Assert.IsType<ReceiptBeforeInvoice>(company.Write(w => w.Receipts.Post(new(acme.Id, Day(2, 1), Cad(113m), PaymentMethod.Cash, [new(invoice.Entry, Cad(113m))]))).Error);
        Assert.Equal("The receipt is dated 2026-02-01, before invoice 1001 (2026-03-02) was issued. Date the receipt on or after 2026-03-02.", error.Message);
        Assert.Equal(before, company.Snapshot());
    }

    [Fact]
    public void Receipt_must_be_fully_allocated_to_that_customers_open_invoices()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var beta = company.AddCustomer("Beta");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(100m))])));
        Assert.IsType<ReceiptNotAllocated>(company.Write(w => w.Receipts.Post(new(acme.Id, Day(2, 10), Cad(60m), PaymentMethod.Cash, [new(invoice.Entry, Cad(50m))]))).Error);
        Assert.IsType<ReceiptNotAllocated>(company.Write(w => w.Receipts.Post(new(acme.Id, Day(2, 10), Cad(60m), PaymentMethod.Cash, []))).Error);
        Assert.IsType<InvoiceOfAnotherCustomer>(company.Write(w => w.Receipts.Post(new(beta.Id, Day(2, 10), Cad(50m), PaymentMethod.Cash, [new(invoice.Entry, Cad(50m))]))).Error);
        Assert.IsType<UnknownInvoice>(company.Write(w => w.Receipts.Post(new(acme.Id, Day(2, 10), Cad(50m), PaymentMethod.Cash, [new(new(999), Cad(50m))]))).Error);
        Assert.IsType<InvalidInput>(company.Write(w => w.Receipts.Post(new(acme.Id, Day(2, 10), Cad(-5m), PaymentMethod.Cash, [new(invoice.Entry, Cad(-5m))]))).Error);
        Assert.IsType<OutsideFiscalYear>(company.Write(w => w.Receipts.Post(new(acme.Id, new DateOnly(2025, 12, 1), Cad(5m), PaymentMethod.Cash, [new(invoice.Entry, Cad(5m))]))).Error);
    }

    [Fact]
    public void Card_receipt_deposits_less_the_fee_and_expenses_the_fee()
    {
        using var company = new TestCompany();
        company.Ok(w => w.CreditCards.Add(new CreditCard("Visa", 2.5m, new(5030), new(1065))));
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(100m))])));
        Assert.IsType<UnknownCreditCard>(company.Write(w => w.Receipts.Post(new(acme.Id, Day(2, 10), Cad(1m), PaymentMethod.CreditCard, [new(invoice.Entry, Cad(1m))], CreditCard: "Amex"))).Error);
        var receipt = company.Ok(w => w.Receipts.Post(new(acme.Id, Day(2, 10), Cad(113m), PaymentMethod.CreditCard, [new(invoice.Entry, Cad(113m))], CreditCard: "visa")));

        Assert.Equal(Cad(2.83m), receipt.Fee);
        Assert.Equal("Visa", receipt.CreditCard);
        var entry = company.Read(r => r.Entries.Get(receipt.Entry)).Value;
        Assert.Equal([(1065, 110.17m), (5030, 2.83m), (1200, -113m)], entry.Lines.Select(l => (l.Account.Value, l.Amount.Amount)));
    }

    [Fact]
    public void Foreign_receipt_posts_the_exchange_difference()
    {
        using var company = new TestCompany();
        company.AllowUsd(1.30m);
        company.Ok(w => w.ExchangeRates.SetRate(Currency.USD, Day(3, 1), 1.35m));
        var yank = company.AddCustomer("Yank", taxCode: "", currency: Currency.USD);
        var invoice = company.Ok(w => w.Sales.Post(new(yank.Id, "U1", Day(2, 1), [new("x", Usd(100m))])));
        Assert.Equal(Cad(130m), invoice.HomeTotal);

        var first = company.Ok(w => w.Receipts.Post(new(yank.Id, Day(3, 2), Usd(40m), PaymentMethod.Other, [new(invoice.Entry, Usd(40m))])));
        var entry = company.Read(r => r.Entries.Get(first.Entry)).Value;
        // Cash 40 USD at 1.35 = 54.00; it settles 40% of the booked 130.00 = 52.00; the 2.00 gain is a credit.
        Assert.Equal([(1060, 54m), (1200, -52m), (5040, -2m)], entry.Lines.Select(l => (l.Account.Value, l.Amount.Amount)));

        var last = company.Ok(w => w.Receipts.Post(new(yank.Id, Day(3, 3), Usd(60m), PaymentMethod.Other, [new(invoice.Entry, Usd(60m))], ExchangeRate: 1.2m)));
        entry = company.Read(r => r.Entries.Get(last.Entry)).Value;
        // The last receipt settles exactly what is left (78.00); cash 72.00; the 6.00 loss is a debit.
        Assert.Equal([(1060, 72m), (1200, -78m), (5040, 6m)], entry.Lines.Select(l => (l.Account.Value, l.Amount.Amount)));
        Assert.Equal(Cad(0m), company.Read(r => r.Customers.Balance(yank.Id)));
        Assert.Empty(company.Read(r => r.Checks.Run()));
    }

    [Fact]
    public void Receipt_currency_must_match_the_invoice()
    {
        using var company = new TestCompany();
        company.AllowUsd();
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(100m))])));
        Assert.IsType<CurrencyMismatch>(company.Write(w => w.Receipts.Post(new(acme.Id, Day(2, 10), Usd(10m), PaymentMethod.Cash, [new(invoice.Entry, Usd(10m))]))).Error);
    }

    [Fact]
    public void Nothing_can_be_allocated_to_a_reversed_invoice()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 1), [new("x", Cad(100m))])));
        company.Ok(w => w.Entries.Reverse(invoice.Entry, Day(2, 2), "cancelled"));
        var error = Assert.IsType<InvoiceReversed>(company.Write(w => w.Receipts.Post(new(acme.Id, Day(2, 3), Cad(10m), PaymentMethod.Cash, [new(invoice.Entry, Cad(10m))]))).Error);
        Assert.Equal("Invoice 1001 was reversed; nothing can be allocated to it. Allocate to an open invoice.", error.Message);
    }

    [Fact]
    public void Receipt_can_deposit_to_another_account()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme", taxCode: "");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(100m))])));
        Assert.IsType<ReservedAccount>(company.Write(w => w.Receipts.Post(new(acme.Id, Day(2, 3), Cad(1m), PaymentMethod.Other, [new(invoice.Entry, Cad(1m))], DepositAccount: new(1200)))).Error);
        var receipt = company.Ok(w => w.Receipts.Post(new(acme.Id, Day(2, 3), Cad(100m), PaymentMethod.Other, [new(invoice.Entry, Cad(100m))], Reference: "PayPal 7X", DepositAccount: new(1080))));
        Assert.Equal(new(1080), receipt.DepositAccount);
        Assert.Equal(Cad(100m), company.Read(r => r.Reports.TrialBalance(Day(2, 3))).Rows.Single(r => r.Number.Value == 1080).Debit);
    }
}
