using BillingBooks.Books.Journals;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Journals;

public class ReversalTests
{
    [Fact]
    public void Reversal_posts_the_exact_opposite_and_marks_both()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme", taxCode: "GP");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(100m))])));
        company.Clock.Advance(TimeSpan.FromHours(1));
        var reversal = company.Ok(w => w.Entries.Reverse(invoice.Entry, Day(2, 5), "wrong customer"));

        var original = company.Read(r => r.Entries.Get(invoice.Entry)).Value;
        var opposite = company.Read(r => r.Entries.Get(reversal)).Value;
        Assert.Equal(reversal, original.ReversedBy);
        Assert.Equal(invoice.Entry, opposite.Reverses);
        Assert.Equal(EntryKind.Reversal, opposite.Kind);
        Assert.Equal("Reversal of entry 1: wrong customer", opposite.Memo);
        Assert.Equal(original.Lines.Select(l => (l.Account, -l.Amount)), opposite.Lines.Select(l => (l.Account, l.Amount)));
        Assert.True(company.Read(r => r.Sales.Get(invoice.Entry)).Value.Reversed);
        Assert.Equal(Cad(0m), company.Read(r => r.Customers.Balance(acme.Id)));
        var audit = company.Read(r => r.Entries.AuditTrail());
        Assert.Equal(["post", "reverse"], audit.Select(a => a.Action));
        Assert.Equal(company.Clock.GetUtcNow(), audit[1].At);
        Assert.Empty(company.Read(r => r.Checks.Run()));
    }

    [Fact]
    public void An_entry_is_reversed_once_and_a_reversal_never()
    {
        using var company = new TestCompany();
        var id = company.Ok(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(1060), Cad(1m)), GeneralLine.Credit(new(3010), Cad(1m))])));
        var reversal = company.Ok(w => w.Entries.Reverse(id, Day(2, 1), "oops"));
        Assert.IsType<AlreadyReversed>(company.Write(w => w.Entries.Reverse(id, Day(2, 2), "again")).Error);
        Assert.IsType<CannotReverseReversal>(company.Write(w => w.Entries.Reverse(reversal, Day(2, 2), "undo")).Error);
        Assert.IsType<UnknownEntry>(company.Write(w => w.Entries.Reverse(new(99), Day(2, 2), "?")).Error);
    }

    [Fact]
    public void Reversal_cannot_predate_the_entry_or_leave_the_fiscal_year()
    {
        using var company = new TestCompany();
        var id = company.Ok(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(1060), Cad(1m)), GeneralLine.Credit(new(3010), Cad(1m))])));
        Assert.IsType<ReversalBeforeEntry>(company.Write(w => w.Entries.Reverse(id, Day(1, 31), "x")).Error);
        Assert.IsType<OutsideFiscalYear>(company.Write(w => w.Entries.Reverse(id, new DateOnly(2027, 1, 2), "x")).Error);
    }

    [Fact]
    public void Sale_with_receipts_cannot_be_reversed_until_the_receipts_are()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 1), [new("x", Cad(100m))])));
        var receipt = company.Ok(w => w.Receipts.Post(new(acme.Id, Day(2, 3), Cad(13m), PaymentMethod.Cash, [new(invoice.Entry, Cad(13m))])));

        var error = Assert.IsType<InvoiceHasReceipts>(company.Write(w => w.Entries.Reverse(invoice.Entry, Day(2, 5), "x")).Error);
        Assert.Equal($"Invoice 1001 has receipts allocated to it (entries {receipt.Entry}). Reverse those receipts first, then the invoice.", error.Message);
        Assert.IsType<InvoiceHasReceipts>(company.Write(w => w.Sales.Adjust(invoice.Entry, new(acme.Id, "1001", Day(2, 1), [new("x", Cad(90m))]), "x")).Error);

        company.Ok(w => w.Entries.Reverse(receipt.Entry, Day(2, 5), "bounced"));
        Assert.Equal(Cad(113m), company.Read(r => r.Sales.Get(invoice.Entry)).Value.Owing);
        company.Ok(w => w.Entries.Reverse(invoice.Entry, Day(2, 5), "cancelled"));
        Assert.Empty(company.Read(r => r.Checks.Run()));
    }

    [Fact]
    public void Adjusting_a_receipt_gives_its_allocations_back_first()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(100m))])));
        var receipt = company.Ok(w => w.Receipts.Post(new(acme.Id, Day(2, 3), Cad(100m), PaymentMethod.Cash, [new(invoice.Entry, Cad(100m))])));
        var adjusted = company.Ok(w => w.Receipts.Adjust(receipt.Entry, new(acme.Id, Day(2, 3), Cad(113m), PaymentMethod.Cash, [new(invoice.Entry, Cad(113m))]), "typo"));
        Assert.True(company.Read(r => r.Receipts.Get(receipt.Entry)).Value.Reversed);
        Assert.Equal(Cad(113m), adjusted.Replacement.Amount);
        Assert.Equal(Cad(0m), company.Read(r => r.Sales.Get(invoice.Entry)).Value.Owing);
        Assert.Empty(company.Read(r => r.Checks.Run()));
    }

    [Fact]
    public void Invoice_whose_receipt_was_reversed_later_cannot_be_reversed_before_that_day()
    {
        using var company = new TestCompany();
        var (_, invoice, receipt) = PaidThenReceiptReversed(company, Day(3, 1));
        var before = company.Snapshot();

        var error = Assert.IsType<ReversalBeforeReceiptReversal>(company.Write(w => w.Entries.Reverse(invoice.Entry, Day(2, 1), "cancelled")).Error);
        Assert.Equal($"Invoice 1001 was paid by receipt {receipt.Entry}, which was reversed on 2026-03-01, so the invoice cannot be reversed before then (receivables would go below zero in between). Reverse it on or after 2026-03-01, e.g. `books sales reverse 1001 --date 2026-03-01`.", error.Message);
        Assert.IsType<ReversalBeforeReceiptReversal>(company.Write(w => w.Entries.Reverse(invoice.Entry, Day(2, 28), "cancelled")).Error);
        Assert.Equal(before, company.Snapshot());

        var reversal = company.Ok(w => w.Entries.Reverse(invoice.Entry, null, "cancelled"));
        Assert.Equal(Day(3, 15), company.Read(r => r.Entries.Get(reversal)).Value.Date);
        AssertReceivablesAgree(company, Day(2, 1), Day(3, 31));
    }

    [Fact]
    public void A_reversal_is_dated_today_unless_given_and_never_before_the_entry()
    {
        using var company = new TestCompany();
        var past = company.Ok(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(1060), Cad(1m)), GeneralLine.Credit(new(3010), Cad(1m))])));
        var future = company.Ok(w => w.General.Post(new(Day(6, 1), "x", [GeneralLine.Debit(new(1060), Cad(1m)), GeneralLine.Credit(new(3010), Cad(1m))])));
        var pastReversal = company.Ok(w => w.Entries.Reverse(past, null, "x"));
        var futureReversal = company.Ok(w => w.Entries.Reverse(future, null, "x"));
        Assert.Equal(Day(3, 15), company.Read(r => r.Entries.Get(pastReversal)).Value.Date);
        Assert.Equal(Day(6, 1), company.Read(r => r.Entries.Get(futureReversal)).Value.Date);
    }

    [Fact]
    public void Adjusting_an_invoice_whose_receipt_was_reversed_later_reverses_it_on_that_day()
    {
        using var company = new TestCompany();
        var (acme, invoice, _) = PaidThenReceiptReversed(company, Day(3, 1));
        var adjusted = company.Ok(w => w.Sales.Adjust(invoice.Entry, new(acme.Id, "1001", Day(2, 1), [new("x", Cad(90m))]), "price"));
        Assert.Equal(Day(3, 1), company.Read(r => r.Entries.Get(adjusted.Reversal)).Value.Date);
        AssertReceivablesAgree(company, Day(2, 1), Day(3, 31));
    }

    [Fact]
    public void Invoice_whose_receipt_was_reversed_on_its_own_date_may_be_reversed_on_the_invoice_date()
    {
        using var company = new TestCompany();
        var (_, invoice, _) = PaidThenReceiptReversed(company, Day(2, 10));
        company.Ok(w => w.Entries.Reverse(invoice.Entry, Day(2, 1), "changed in Billing"));
        AssertReceivablesAgree(company, Day(2, 1), Day(3, 31));
    }

    /// <summary>Invoice 1001 (Feb 1, 113.00 with HST) paid in full on Feb 10 by a receipt reversed on <paramref name="reversedOn"/>.</summary>
    private static (BillingBooks.Books.Customers.Customer Customer, Invoice Invoice, Receipt Receipt) PaidThenReceiptReversed(TestCompany company, DateOnly reversedOn)
    {
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 1), [new("x", Cad(100m))])));
        var receipt = company.Ok(w => w.Receipts.Post(new(acme.Id, Day(2, 10), Cad(113m), PaymentMethod.Cheque, [new(invoice.Entry, Cad(113m))])));
        company.Ok(w => w.Entries.Reverse(receipt.Entry, reversedOn, "NSF cheque"));
        return (acme, invoice, receipt);
    }

    private static void AssertReceivablesAgree(TestCompany company, DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var ledger = company.Read(r => r.Reports.TrialBalance(day)).Rows.Where(r => r.Number.Value == 1200).Select(r => r.Debit - r.Credit).FirstOrDefault(Cad(0m));
            Assert.Equal(ledger, company.Read(r => r.Reports.AgedReceivables(day)).Totals.Total);
        }
    }
}
