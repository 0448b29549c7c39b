using BillingBooks.Books.Customers;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Tests;

public static partial class RandomBooks
{
    /// <summary>One open invoice (any customer's) paid in part or in full, in cash or by card, at the company's or a given rate.</summary>
    private static Result<EntryId> Receipt(BooksWrite w, BooksOp op)
    {
        var open = w.Customers.List().SelectMany(c => w.Sales.ForCustomer(c.Id, openOnly: true)).ToArray();
        if (open.Length == 0)
        {
            return Nothing("no open invoice");
        }

        var invoice = open[op.A % open.Length];
        var part = Math.Max(1, invoice.Owing.MinorUnits * (1 + (op.B % 100)) / 100);
        var amount = Money.Money.FromMinorUnits(part, invoice.Currency);
        decimal? rate = invoice.Currency != Currency.CAD && op.C % 2 == 0 ? 1.25m + (op.C % 20 / 100m) : null;
        return w.Receipts.Post(new ReceiptDraft(
            invoice.Customer, Latest(Date(w, op), invoice.Date), amount, op.Flag ? PaymentMethod.CreditCard : PaymentMethod.Cash, [new(invoice.Entry, amount)],
            CreditCard: op.Flag ? "Visa" : null, ExchangeRate: rate)).Map(r => r.Entry);
    }

    /// <summary>
    /// One receipt paying two to four open invoices of one customer (home or USD: the invoices at their own rates,
    /// the receipt at the company's or a given one), each in full or in part. It is posted, for the sum of its
    /// allocations; each invoice owes that much less, and one paid off owes nothing at home either (its allocation
    /// settled all the home value left, whatever the rates).
    /// </summary>
    private static void SplitReceipt(TestCompany company, BooksOp op)
    {
        if (company.Read(r => SplitDraft(r, op)) is not var (draft, paid))
        {
            return;
        }

        var receipt = company.Ok(w => w.Receipts.Post(draft));
        Assert.Equal((draft.Amount, draft.Allocations.Count), (receipt.Amount, receipt.Allocations.Count));
        foreach (var (invoice, allocation) in paid.Zip(draft.Allocations))
        {
            var after = company.Read(r => r.Sales.Get(invoice.Entry).Value);
            Assert.Equal(invoice.Owing - allocation.Amount, after.Owing);
            Assert.True(!after.Owing.IsZero || after.HomeOwing.IsZero, $"Invoice {after.Number} is paid off but owes {after.HomeOwing} at home.");
        }
    }

    /// <summary>The receipt of <see cref="SplitReceipt"/> and the invoices it pays (as they were), or null with nothing to pay or no open day.</summary>
    private static (ReceiptDraft Draft, Invoice[] Paid)? SplitDraft(BooksRead r, BooksOp op)
    {
        // A customer with several invoices to pay if there is one, else one with something to pay.
        var owing = r.Customers.List().Select(c => r.Sales.ForCustomer(c.Id, openOnly: true)).Where(o => o.Count > 0).ToArray();
        if (owing.Any(o => o.Count > 1))
        {
            owing = owing.Where(o => o.Count > 1).ToArray();
        }

        if (owing.Length == 0 || OpenPeriod(r).Days == 0)
        {
            return null;
        }

        var open = owing[op.A % owing.Length];
        var customer = open[0].Customer;

        var paid = Enumerable.Range(0, Math.Min(open.Count, 2 + (op.B % 3))).Select(i => open[(op.C + i) % open.Count]).ToArray();
        var allocations = paid.Select((invoice, i) => new ReceiptAllocation(invoice.Entry, Share(invoice.Owing, op.C >> i))).ToArray();
        return (Draft(customer, Latest(Date(r, op), paid.Max(i => i.Date)), allocations, op), paid);
    }

    /// <summary>
    /// A receipt the books refuse: one allocation more than its invoice owes (a paid-off invoice too), after others
    /// that are right (ReceiptExceedsOwing); or (Flag) right allocations but an amount other than their sum
    /// (ReceiptNotAllocated). The refusal names the figures; the books are unchanged.
    /// </summary>
    private static void OverAllocate(TestCompany company, BooksOp op)
    {
        var plan = company.Read(r =>
        {
            var customers = r.Customers.List();
            var customer = customers[op.A % customers.Count];
            var invoices = r.Sales.ForCustomer(customer.Id);
            var open = invoices.Where(i => !i.Owing.IsZero).ToArray();
            if (OpenPeriod(r).Days == 0 || (op.Flag ? open.Length : invoices.Count) == 0)
            {
                return null;
            }

            if (op.Flag)
            {
                var paid = open.Take(1 + (op.B % 3)).ToArray();
                var allocations = paid.Select((invoice, i) => new ReceiptAllocation(invoice.Entry, Share(invoice.Owing, op.C >> i))).ToArray();
                var allocated = Money.Money.Sum(allocations.Select(a => a.Amount), customer.Currency).MinorUnits;
                var amount = op.C % 2 == 0 || allocated == 1 ? allocated + 1 + (op.C % 1000) : allocated - 1 - (op.C % (allocated - 1));
                var draft = Draft(customer.Id, Latest(Date(r, op), paid.Max(i => i.Date)), allocations, op) with { Amount = Money.Money.FromMinorUnits(amount, customer.Currency) };
                return ((ReceiptDraft Draft, BooksError Error)?)(draft, new ReceiptNotAllocated(draft.Amount, Money.Money.FromMinorUnits(allocated, customer.Currency)));
            }

            // Right allocations first (so the refusal is the one beyond owing), then one more than its invoice owes.
            var over = invoices[op.C % invoices.Count];
            var right = open.Where(i => i.Entry != over.Entry).Take(op.B % 3).ToArray();
            var beyond = over.Owing + Money.Money.FromMinorUnits(1 + (op.C % 1000), over.Currency);
            var all = right.Select((invoice, i) => new ReceiptAllocation(invoice.Entry, Share(invoice.Owing, op.C >> i))).Append(new(over.Entry, beyond)).ToArray();
            var date = Latest(Date(r, op), right.Append(over).Max(i => i.Date));
            return (Draft(customer.Id, date, all, op), new ReceiptExceedsOwing(over.Number, beyond, over.Owing));
        });
        if (plan is not var (receipt, expected))
        {
            return;
        }

        Assert.Equal(expected, Refused(company, w => w.Receipts.Post(receipt), "A receipt allocated wrongly"));
    }

    /// <summary>
    /// A receipt in force corrected: reversed (its allocations given back to every invoice it paid) and replaced by
    /// one paying the same invoices other amounts, on its own date (Flag) or a day in the open period. Posted, each
    /// invoice then owing what it did less the change in its allocation; or, when the receipt and its replacement are
    /// both dated before the lock date, refused (AdjustmentInLockedPeriod) with the books unchanged.
    /// </summary>
    private static void AdjustReceipt(TestCompany company, BooksOp op)
    {
        var plan = company.Read(r =>
        {
            var receipts = r.Receipts.List(DateOnly.MinValue, DateOnly.MaxValue).Where(x => !x.Reversed).ToArray();
            if (receipts.Length == 0 || OpenPeriod(r).Days == 0)
            {
                return null;
            }

            var receipt = receipts[op.A % receipts.Length];
            // What each invoice will owe once the receipt has given its allocation back.
            var invoices = receipt.Allocations.Select(a => (Invoice: r.Sales.Get(a.Invoice).Value, a.Amount)).ToArray();
            var allocations = invoices.Select((x, i) => new ReceiptAllocation(x.Invoice.Entry, Share(x.Invoice.Owing + x.Amount, op.C >> i))).ToArray();
            var date = op.Flag ? receipt.Date : Latest(Date(r, op), invoices.Max(x => x.Invoice.Date));
            var replacement = Draft(receipt.Customer, date, allocations, op);
            return ((Receipt Receipt, ReceiptDraft Replacement, (Invoice Invoice, Money.Money Amount)[] Paid, DateOnly LockedBefore)?)(receipt, replacement, invoices, OpenPeriod(r).From);
        });
        if (plan is not var (original, replacement, paid, lockedBefore))
        {
            return;
        }

        if (replacement.Date < lockedBefore)
        {
            var error = Refused(company, w => w.Receipts.Adjust(original.Entry, replacement, "random"), "A locked receipt adjusted into the locked period");
            Assert.Equal(new AdjustmentInLockedPeriod(original.Entry, original.Date, lockedBefore, replacement.Date), error);
            return;
        }

        var adjusted = company.Ok(w => w.Receipts.Adjust(original.Entry, replacement, "random"));
        Assert.Equal(replacement.Amount, adjusted.Replacement.Amount);
        Assert.True(company.Read(r => r.Receipts.Get(original.Entry).Value.Reversed), "The adjusted receipt is still in force.");
        foreach (var ((invoice, before), now) in paid.Zip(replacement.Allocations))
        {
            Assert.Equal(invoice.Owing + before - now.Amount, company.Read(r => r.Sales.Get(invoice.Entry).Value.Owing));
        }
    }

    /// <summary>A receipt of <paramref name="allocations"/> (in their currency) for their sum, by cheque or by card, at the company's rate or a given one.</summary>
    private static ReceiptDraft Draft(CustomerId customer, DateOnly date, ReceiptAllocation[] allocations, BooksOp op)
    {
        var currency = allocations[0].Amount.Currency;
        var card = op.C % 3 == 0;
        decimal? rate = currency != Currency.CAD && op.C / 3 % 2 == 1 ? 1.2m + (op.B % 30 / 100m) : null;
        return new ReceiptDraft(
            customer, date, Money.Money.Sum(allocations.Select(a => a.Amount), currency), card ? PaymentMethod.CreditCard : PaymentMethod.Cheque, allocations,
            CreditCard: card ? "Visa" : null, ExchangeRate: rate);
    }

    /// <summary>An allocation of what an invoice owes: all of it when the low bit is clear, else a part (1% to 99%, at least one minor unit).</summary>
    private static Money.Money Share(Money.Money owing, int bits) =>
        (bits & 1) == 0 ? owing : Money.Money.FromMinorUnits(Math.Max(1, owing.MinorUnits * (1 + ((bits >> 1) % 99)) / 100), owing.Currency);
}
