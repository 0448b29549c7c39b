using BillingBooks.Books.Journals;
using BillingBooks.Books.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Tests;

public static partial class RandomBooks
{
    /// <summary>Year-ends stop at this many fiscal years from the books' first day: the days a step may be dated fit <see cref="MaxDay"/>.</summary>
    private const int MaxYears = 4;

    /// <summary>
    /// Start New Year: the next year, one year long, becomes current, and the year that ends stays open (the lock date
    /// does not move). Before the current year has ended on the clock it starts only when asked to (most steps);
    /// otherwise it is refused (FiscalYearNotEnded) with the books unchanged.
    /// </summary>
    private static void YearEnd(TestCompany company, BooksOp op)
    {
        var settings = company.Read(r => r.Settings.Get());
        if (settings.FiscalYearEnd >= settings.FirstDay.AddYears(MaxYears).AddDays(-1))
        {
            return;
        }

        var start = settings.FiscalYearEnd.AddDays(1);
        var beforeYearEnd = op.B % 3 != 0;
        if (!beforeYearEnd && DateOnly.FromDateTime(company.Clock.GetLocalNow().DateTime) < start)
        {
            Assert.Equal(new FiscalYearNotEnded(settings.FiscalYearEnd), Refused(company, w => w.Settings.StartNewYear(), "A year-end before the year has ended"));
            return;
        }

        var after = company.Ok(w => w.Settings.StartNewYear(beforeYearEnd));
        Assert.Equal((start, start.AddYears(1).AddDays(-1), settings.LockedBefore), (after.FiscalYearStart, after.FiscalYearEnd, after.LockedBefore));
        Assert.Equal(settings.FiscalYears.Append(new(start, after.FiscalYearEnd)), after.FiscalYears);
    }

    /// <summary>
    /// The lock date moved to any day from the books' first day to the day after the current year ends (locking more,
    /// or unlocking back): nothing may be dated before it from then on. A day outside that (one step in eight) is
    /// refused (LockBeforeFirstYear, LockAfterCurrentYear) with the books unchanged.
    /// </summary>
    private static void Lock(TestCompany company, BooksOp op)
    {
        var settings = company.Read(r => r.Settings.Get());
        if (op.B % 8 == 0)
        {
            var tooEarly = settings.FirstDay.AddDays(-1 - (op.Day % 400));
            var tooLate = settings.FiscalYearEnd.AddDays(2 + (op.Day % 400));
            var (date, expected) = op.Flag
                ? (tooEarly, (BooksError)new LockBeforeFirstYear(tooEarly, settings.FirstDay))
                : (tooLate, new LockAfterCurrentYear(tooLate, settings.FiscalYearEnd));
            Assert.Equal(expected, Refused(company, w => w.Settings.SetLockBefore(date), "A lock date outside the books' years"));
            return;
        }

        var lockBefore = settings.FirstDay.AddDays(op.Day % (settings.FiscalYearEnd.DayNumber - settings.FirstDay.DayNumber + 2));
        Assert.Equal(lockBefore, company.Ok(w => w.Settings.SetLockBefore(lockBefore)).LockedBefore);
    }

    /// <summary>
    /// A sale, receipt, general entry, reversal or general-entry adjustment dated where the books take nothing: before
    /// the lock date (BooksLocked), or - with Flag, or nothing locked - before the first year or after the current one
    /// (OutsideFiscalYear); an adjustment of a locked entry into the locked period is AdjustmentInLockedPeriod.
    /// Refused with the books unchanged.
    /// </summary>
    private static void OutOfPeriod(TestCompany company, BooksOp op)
    {
        var settings = company.Read(r => r.Settings.Get());
        var (first, end, lockedBefore) = (settings.FirstDay, settings.FiscalYearEnd, settings.LockedBefore);
        var lockedDays = lockedBefore.DayNumber - first.DayNumber;
        var date = !op.Flag && lockedDays > 0 ? first.AddDays(op.Day % lockedDays)
            : op.C % 2 == 0 ? end.AddDays(1 + (op.Day % 400))
            : first.AddDays(-1 - (op.Day % 400));
        BooksError dateRefused = date < first || date > end ? new OutsideFiscalYear(date, lockedBefore, end) : new BooksLocked(date, lockedBefore);

        var (what, work, expected) = company.Read(r => OutOfPeriodAttempt(r, op, date, dateRefused));
        Assert.Equal(expected, Refused(company, work, what + " dated " + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>What <see cref="OutOfPeriod"/> tries (a reversal or adjustment only when there is an entry it could otherwise be made of; a general entry when not).</summary>
    private static (string What, Func<BooksWrite, Result<EntryId>> Work, BooksError Expected) OutOfPeriodAttempt(BooksRead r, BooksOp op, DateOnly date, BooksError dateRefused)
    {
        var customers = r.Customers.List();
        var customer = customers[op.A % customers.Count];
        var inForce = r.Entries.List().Where(e => e.Kind != EntryKind.Reversal && e.ReversedBy is null).ToArray();
        switch (op.B % 5)
        {
            case 0:
                return ("A sale", w => w.Sales.Post(Draft(customer, "X" + op.C + "-" + op.Day, date, op)).Map(i => i.Entry), dateRefused);
            case 1:
                var open = r.Sales.ForCustomer(customer.Id, openOnly: true);
                ReceiptAllocation[] allocations = open.Count > 0 ? [new(open[0].Entry, open[0].Owing)] : [];
                var amount = open.Count > 0 ? open[0].Owing : Money.Money.FromMinorUnits(100, customer.Currency);
                return ("A receipt", w => w.Receipts.Post(new(customer.Id, date, amount, PaymentMethod.Cash, allocations)).Map(x => x.Entry), dateRefused);
            case 3:
                // An entry a reversal on that date could otherwise undo: dated on or before it, and for a sale paid
                // by no receipt in force and not to be reversed only after a receipt's reversal.
                var paid = r.Receipts.List(DateOnly.MinValue, DateOnly.MaxValue).Where(x => !x.Reversed).SelectMany(x => x.Allocations).Select(a => a.Invoice).ToHashSet();
                var reversible = inForce.Where(e => e.Date <= date && (e.Kind != EntryKind.Sale || (!paid.Contains(e.Id) && r.Entries.EarliestReversalDate(e.Id).Value <= date))).ToArray();
                if (reversible.Length > 0)
                {
                    var entry = reversible[op.A % reversible.Length];
                    return ($"A reversal of entry {entry.Id}", w => w.Entries.Reverse(entry.Id, date, "random"), dateRefused);
                }

                break;
            case 4:
                var general = inForce.Where(e => e.Kind == EntryKind.General).ToArray();
                if (general.Length > 0)
                {
                    // Both locked: the reversal could go on neither date. Otherwise the entry is reversed, then its replacement refused.
                    var entry = general[op.A % general.Length];
                    var lockedBefore = r.Settings.Get().LockedBefore;
                    BooksError expected = entry.Date < lockedBefore && date < lockedBefore ? new AdjustmentInLockedPeriod(entry.Id, entry.Date, lockedBefore, date) : dateRefused;
                    return ($"An adjustment of entry {entry.Id}", w => w.General.Adjust(entry.Id, GeneralDraft(date, op), "random").Map(a => a.Replacement), expected);
                }

                break;
        }

        return ("A general entry", w => w.General.Post(GeneralDraft(date, op)), dateRefused);
    }
}
