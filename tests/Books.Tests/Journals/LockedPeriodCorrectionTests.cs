using BillingBooks.Books.Journals;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Journals;

/// <summary>Correcting entries dated before the lock date: the correction is dated in the open period.</summary>
public class LockedPeriodCorrectionTests
{
    private static readonly DateOnly NextYear = new(2027, 1, 1);

    [Fact]
    public void A_reversal_without_a_date_is_dated_on_the_lock_date_when_the_entry_is_locked_and_today_is_before_it()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var entry = company.Ok(w => w.General.Post(new(Day(12, 31), "accrual", [GeneralLine.Debit(new(5200), Cad(5m)), GeneralLine.Credit(new(1060), Cad(5m))])));
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(12, 30), [new("x", Cad(100m))])));
        var receipt = company.Ok(w => w.Receipts.Post(new(acme.Id, Day(12, 31), Cad(113m), PaymentMethod.Cash, [new(invoice.Entry, Cad(113m))])));
        company.Ok(w => w.Settings.StartNewYear(beforeYearEnd: true)); // today (the test clock) is before the year ends
        company.Ok(w => w.Settings.SetLockBefore(NextYear));

        var reversal = company.Ok(w => w.Entries.Reverse(entry, null, "accrued twice"));
        var receiptReversal = company.Ok(w => w.Entries.Reverse(receipt.Entry, null, "NSF cheque"));

        Assert.Equal(NextYear, company.Read(r => r.Entries.Get(reversal)).Value.Date);
        Assert.Equal(NextYear, company.Read(r => r.Entries.Get(receiptReversal)).Value.Date);
        var invoiceReversal = company.Ok(w => w.Entries.Reverse(invoice.Entry, null, "wrong client"));
        Assert.Equal(NextYear, company.Read(r => r.Entries.Get(invoiceReversal)).Value.Date);
        Assert.Empty(company.Read(r => r.Checks.Run()));
    }

    [Fact]
    public void Adjusting_an_invoice_in_the_locked_period_reverses_it_on_the_corrected_invoices_date()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 1), [new("x", Cad(100m))])));
        company.Ok(w => w.Settings.SetLockBefore(Day(3, 1)));

        var adjusted = company.Ok(w => w.Sales.Adjust(invoice.Entry, new(acme.Id, "1001", Day(3, 5), [new("x", Cad(120m))]), "price"));

        Assert.Equal(Day(3, 5), company.Read(r => r.Entries.Get(adjusted.Reversal)).Value.Date);
        Assert.Equal(Day(3, 5), adjusted.Replacement.Date);
        Assert.Equal(Cad(135.60m), company.Read(r => r.Customers.Balance(acme.Id)));
        Assert.Empty(company.Read(r => r.Checks.Run()));
    }

    [Fact]
    public void Adjusting_a_locked_invoice_into_the_locked_period_is_refused_naming_the_date_to_give()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 1), [new("x", Cad(100m))])));
        company.Ok(w => w.Settings.SetLockBefore(Day(3, 1)));
        var before = company.Snapshot();

        var error = Assert.IsType<AdjustmentInLockedPeriod>(company.Write(w => w.Sales.Adjust(invoice.Entry, new(acme.Id, "1001", Day(2, 1), [new("x", Cad(120m))]), "price")).Error);

        Assert.Equal($"Entry {invoice.Entry} is dated 2026-02-01, before the lock date 2026-03-01, so its adjustment reverses it on the corrected version's date, but that is 2026-02-01, also locked. Date the corrected version on or after 2026-03-01 (for an invoice: `books sales adjust NUMBER --date 2026-03-01 --line ...`), or unlock the period with `books settings set --lock-before 2026-02-01`.", error.Message);
        Assert.Equal(before, company.Snapshot());

        // Corrected to an earlier day still: the lock date to give is that day, not the entry's (which would fail again).
        var earlier = Assert.IsType<AdjustmentInLockedPeriod>(company.Write(w => w.Sales.Adjust(invoice.Entry, new(acme.Id, "1001", Day(1, 20), [new("x", Cad(120m))]), "price")).Error);
        Assert.EndsWith("`books settings set --lock-before 2026-01-20`.", earlier.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_locked_invoice_with_receipts_is_refused_for_its_receipts_before_its_date()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 1), [new("x", Cad(100m))])));
        company.Ok(w => w.Receipts.Post(new(acme.Id, Day(2, 3), Cad(13m), PaymentMethod.Cash, [new(invoice.Entry, Cad(13m))])));
        company.Ok(w => w.Settings.SetLockBefore(Day(3, 1)));

        Assert.IsType<InvoiceHasReceipts>(company.Write(w => w.Sales.Adjust(invoice.Entry, new(acme.Id, "1001", Day(2, 1), [new("x", Cad(120m))]), "price")).Error);
        Assert.IsType<InvoiceHasReceipts>(company.Write(w => w.Sales.Adjust(invoice.Entry, new(acme.Id, "1001", Day(3, 5), [new("x", Cad(120m))]), "price")).Error);
        Assert.IsType<InvoiceHasReceipts>(company.Write(w => w.Entries.Reverse(invoice.Entry, Day(2, 1), "wrong client")).Error);
    }

    [Fact]
    public void Adjusting_a_general_entry_or_a_receipt_in_the_locked_period_follows_the_same_rule()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        var invoice = company.Ok(w => w.Sales.Post(new(acme.Id, "1001", Day(2, 1), [new("x", Cad(100m))])));
        var receipt = company.Ok(w => w.Receipts.Post(new(acme.Id, Day(2, 3), Cad(13m), PaymentMethod.Cash, [new(invoice.Entry, Cad(13m))])));
        var rent = company.Ok(w => w.General.Post(new(Day(2, 1), "Rent", [GeneralLine.Debit(new(5200), Cad(500m)), GeneralLine.Credit(new(1060), Cad(500m))])));
        company.Ok(w => w.Settings.SetLockBefore(Day(3, 1)));

        var general = company.Ok(w => w.General.Adjust(rent, new(Day(3, 2), "Rent", [GeneralLine.Debit(new(5200), Cad(550m)), GeneralLine.Credit(new(1060), Cad(550m))]), "amount"));
        var paid = company.Ok(w => w.Receipts.Adjust(receipt.Entry, new(acme.Id, Day(3, 4), Cad(20m), PaymentMethod.Cash, [new(invoice.Entry, Cad(20m))]), "amount"));

        Assert.Equal(Day(3, 2), company.Read(r => r.Entries.Get(general.Reversal)).Value.Date);
        Assert.Equal(Day(3, 4), company.Read(r => r.Entries.Get(paid.Reversal)).Value.Date);
        Assert.Empty(company.Read(r => r.Checks.Run()));
    }
}
