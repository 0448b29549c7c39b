using System.Globalization;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Checks;

/// <summary>One broken invariant: which check, where (entry / account / customer / invoice), and what is wrong.</summary>
public sealed record CheckFailure(string Check, string Where, string Message);

/// <summary>
/// Check data integrity (SPEC 2.4): every invariant of the books, each failure saying what and where.
/// Amounts in messages are home-currency minor units turned into decimals of the home currency.
/// </summary>
public sealed partial class IntegrityChecks
{
    private readonly BooksRead _scope;

    internal IntegrityChecks(BooksRead scope) => _scope = scope;

    /// <summary>Every failure found; empty when the books are sound.</summary>
    public IReadOnlyList<CheckFailure> Run()
    {
        var failures = new List<CheckFailure>();
        AmountsWithinLimit(failures);
        foreach (var (name, check) in new (string, Action<List<CheckFailure>>)[]
                 {
                     ("entries balance", EntriesBalance),
                     ("account balances", DailyTotalsMatchPostings),
                     ("entry dates", EntriesWithinFiscalYears),
                     ("documents", DocumentsMatchEntries),
                     ("invoice totals", InvoicesAddUp),
                     ("receipts", ReceiptsAddUp),
                     ("receivables", ReceivableMatchesCustomers),
                     ("allocations", AllocationsWithinInvoices),
                     ("invoice owing", OwingIsTotalLessAllocations),
                     ("sales tax", TaxAccountsMatchSales),
                     ("reversals", ReversalsArePaired),
                     ("audit trail", AuditTrailComplete),
                 })
        {
            try
            {
                check(failures);
            }
            catch (Exception e) when (Overflow.IsOverflow(e))
            {
                // Only a file holding amounts beyond the limit (listed above) gets here: say so, check the rest.
                failures.Add(new(name, "the whole file", "This check could not add up the amounts: some are beyond the limit (see \"amount limit\" above)."));
            }
        }

        return failures;
    }

    /// <summary>Postings an older Books let in beyond <see cref="AmountLimit"/>, unless reversed (a reversal undoes them).</summary>
    private void AmountsWithinLimit(List<CheckFailure> failures)
    {
        foreach (var entry in _scope.Query<long>(
                     "SELECT DISTINCT p.entry_id FROM posting p JOIN entry e ON e.id = p.entry_id WHERE e.reverses IS NULL AND e.reversed_by IS NULL AND (p.amount > @Max OR p.amount < -@Max OR p.foreign_amount > @Max OR p.foreign_amount < -@Max) ORDER BY 1",
                     new { Max = AmountLimit.MaxMinorUnits }))
        {
            failures.Add(new("amount limit", $"entry {entry}", $"Entry {entry} has a line beyond {AmountLimit.Max(_scope.Company.HomeCurrency)}, the largest amount Books keeps; reports cannot add it up. Reverse it on its own date with `books journal reverse {entry} --date DATE` and post the right amount."));
        }
    }

    private void EntriesBalance(List<CheckFailure> failures)
    {
        // Grouped from the postings side (posting is keyed by entry), so lines whose entry row is gone are seen too;
        // entries with no lines at all come from the second half.
        foreach (var (entry, sum, lines, missing) in _scope.Query<(long Entry, long Sum, long Lines, long Missing)>(
                     """
                     SELECT g.entry_id, g.total, g.lines, e.id IS NULL
                     FROM (SELECT entry_id, SUM(amount) AS total, COUNT(*) AS lines FROM posting GROUP BY entry_id) g
                     LEFT JOIN entry e ON e.id = g.entry_id
                     WHERE g.total <> 0 OR g.lines < 2 OR e.id IS NULL
                     UNION ALL
                     SELECT e.id, 0, 0, 0 FROM entry e WHERE NOT EXISTS (SELECT 1 FROM posting p WHERE p.entry_id = e.id)
                     ORDER BY 1
                     """))
        {
            failures.Add(new("entries balance", $"entry {entry}", (missing != 0, lines, sum) switch
            {
                (true, _, _) => $"Entry {entry} is missing but {lines} posting lines still belong to it ({LinesOf(entry)}): the trial balance counts them while the journal and the ledger show nothing.",
                (_, < 2, _) => $"Entry {entry} has {lines} posting lines; every entry needs at least 2.",
                (_, _, > 0) => $"Entry {entry} does not balance: debits exceed credits by {Amount(sum)}.",
                _ => $"Entry {entry} does not balance: credits exceed debits by {Amount(-sum)}.",
            }));
        }
    }

    /// <summary>An entry's lines as a bookkeeper reads them: "Dr 5200 1,500.00 CAD, Cr 1060 1,575.00 CAD".</summary>
    private string LinesOf(long entry) => string.Join(", ", _scope.Query<(long Account, long Amount)>(
            "SELECT account, amount FROM posting WHERE entry_id = @Entry ORDER BY line_no", new { Entry = entry })
        .Select(l => $"{(l.Amount < 0 ? "Cr" : "Dr")} {l.Account} {Amount(Math.Abs(l.Amount))}"));

    private void DailyTotalsMatchPostings(List<CheckFailure> failures)
    {
        // The trial balance as of a date adds up account_day, so each account's kept total must match its postings
        // day by day, not only overall. One sort of the postings with the kept totals (set-based; no per-account
        // or per-day queries). Postings whose entry is gone have no date: they show as kept but not posted.
        foreach (var (account, date, posted, kept) in _scope.Query<(long Account, string Date, long Posted, long Kept)>(
                     """
                     SELECT account, date, SUM(posted), SUM(kept) FROM (
                         SELECT p.account, e.date, p.amount AS posted, 0 AS kept FROM posting p JOIN entry e ON e.id = p.entry_id
                         UNION ALL
                         SELECT account, date, 0, amount FROM account_day)
                     GROUP BY account, date HAVING SUM(posted) <> SUM(kept)
                     ORDER BY account, date
                     """))
        {
            failures.Add(new("account balances", $"account {account} on {date}", $"Account {account}'s postings dated {date} sum to {Amount(posted)} but its kept total for that day is {Amount(kept)}; balances as of a date read the kept totals."));
        }
    }

    /// <summary>Every entry is dated in one of the company's fiscal years (a real date): reports and year closing count no other.</summary>
    private void EntriesWithinFiscalYears(List<CheckFailure> failures)
    {
        var (first, last) = _scope.QuerySingleOrDefault<(string First, string Last)>("SELECT MIN(start), MAX(end) FROM fiscal_year");
        foreach (var (entry, date) in _scope.Query<(long Entry, string Date)>(
                     """
                     SELECT e.id, e.date FROM entry e
                     WHERE date(e.date) IS NOT e.date OR NOT EXISTS (SELECT 1 FROM fiscal_year f WHERE f.start <= e.date AND e.date <= f.end)
                     ORDER BY e.id
                     """))
        {
            failures.Add(new("entry dates", $"entry {entry}", $"Entry {entry} is dated '{date}', outside the company's fiscal years ({first} to {last}); reports and year closing leave it out."));
        }
    }

    private void ReceivableMatchesCustomers(List<CheckFailure> failures)
    {
        var receivable = _scope.Linked.AccountsReceivable.Value;
        var control = _scope.Scalar<long>("SELECT COALESCE(SUM(amount), 0) FROM account_day WHERE account = @Receivable", new { Receivable = receivable });
        var customers = _scope.Scalar<long>("SELECT COALESCE(SUM(home_owing), 0) FROM invoice WHERE reversed = 0");
        if (control != customers)
        {
            failures.Add(new("receivables", $"account {receivable}", $"Accounts Receivable ({receivable}) is {Amount(control)} but customers owe {Amount(customers)} in total."));
        }

        foreach (var (id, name, posted, owing) in _scope.Query<(long Id, string Name, long Posted, long Owing)>(
                     """
                     SELECT c.id, c.name,
                            COALESCE((SELECT SUM(p.amount) FROM entry e JOIN posting p ON p.entry_id = e.id WHERE e.customer_id = c.id AND p.account = @Receivable), 0),
                            COALESCE((SELECT SUM(home_owing) FROM invoice i WHERE i.customer_id = c.id AND i.reversed = 0), 0)
                     FROM customer c
                     """, new { Receivable = receivable }).Where(r => r.Posted != r.Owing))
        {
            failures.Add(new("receivables", $"customer {id} '{name}'", $"Customer '{name}' has {Amount(posted)} in Accounts Receivable but owes {Amount(owing)} on open invoices."));
        }
    }

    private void AllocationsWithinInvoices(List<CheckFailure> failures)
    {
        foreach (var (number, currency, total, allocated) in _scope.Query<(string Number, string Currency, long Total, long Allocated)>(
                     """
                     SELECT i.number, i.currency, i.total, SUM(a.amount) FROM invoice i
                     JOIN allocation a ON a.invoice_id = i.entry_id JOIN receipt r ON r.entry_id = a.receipt_id AND r.reversed = 0
                     GROUP BY i.entry_id HAVING SUM(a.amount) > i.total
                     """))
        {
            failures.Add(new("allocations", $"invoice {number}", $"Invoice {number} has {In(currency, allocated)} allocated but its total is {In(currency, total)}."));
        }
    }

    private void OwingIsTotalLessAllocations(List<CheckFailure> failures)
    {
        foreach (var row in _scope.Query<(string Number, string Currency, long Total, long Owing, long HomeTotal, long HomeOwing, long Allocated, long HomeAllocated)>(
                     """
                     SELECT i.number, i.currency, i.total, i.owing, i.home_total, i.home_owing,
                            COALESCE(SUM(CASE WHEN r.reversed = 0 THEN a.amount END), 0), COALESCE(SUM(CASE WHEN r.reversed = 0 THEN a.home_amount END), 0)
                     FROM invoice i LEFT JOIN allocation a ON a.invoice_id = i.entry_id LEFT JOIN receipt r ON r.entry_id = a.receipt_id
                     GROUP BY i.entry_id
                     """).Where(r => r.Owing != r.Total - r.Allocated || r.HomeOwing != r.HomeTotal - r.HomeAllocated || r.Owing < 0))
        {
            failures.Add(new("invoice owing", $"invoice {row.Number}", $"Invoice {row.Number} owes {In(row.Currency, row.Owing)} but total {In(row.Currency, row.Total)} less allocations {In(row.Currency, row.Allocated)} is {In(row.Currency, row.Total - row.Allocated)} (home: {Amount(row.HomeOwing)} vs {Amount(row.HomeTotal - row.HomeAllocated)})."));
        }
    }

    private void TaxAccountsMatchSales(List<CheckFailure> failures)
    {
        var charged = _scope.Query<(long Account, long Home)>(
                "SELECT x.account, SUM(x.home_amount) FROM invoice_tax x JOIN invoice i ON i.entry_id = x.entry_id WHERE i.reversed = 0 GROUP BY x.account")
            .ToDictionary(r => r.Account, r => r.Home);

        // Sales (and their reversals) credit tax accounts only with tax; remittances in the general journal are not counted.
        var posted = _scope.Query<(long Account, long Amount)>(
                """
                SELECT p.account, -SUM(p.amount) FROM entry e JOIN posting p ON p.entry_id = e.id LEFT JOIN entry o ON o.id = e.reverses
                WHERE (e.kind = 'sale' OR (e.kind = 'reversal' AND o.kind = 'sale'))
                  AND p.account IN (SELECT account FROM tax UNION SELECT account FROM invoice_tax)
                GROUP BY p.account
                """)
            .ToDictionary(r => r.Account, r => r.Amount);
        foreach (var account in _scope.Query<long>("SELECT account FROM tax UNION SELECT account FROM invoice_tax ORDER BY 1"))
        {
            var (sales, invoices) = (posted.GetValueOrDefault(account), charged.GetValueOrDefault(account));
            if (sales != invoices)
            {
                failures.Add(new("sales tax", $"account {account}", $"Sales posted {Amount(sales)} of tax to account {account} but the invoices in force charge {Amount(invoices)}."));
            }
        }
    }

    private void ReversalsArePaired(List<CheckFailure> failures)
    {
        foreach (var (id, reverses, reversedBy) in _scope.Query<(long Id, long? Reverses, long? ReversedBy)>(
                     """
                     SELECT e.id, e.reverses, o.reversed_by FROM entry e LEFT JOIN entry o ON o.id = e.reverses
                     WHERE (e.kind = 'reversal') <> (e.reverses IS NOT NULL) OR (e.reverses IS NOT NULL AND (o.reversed_by IS NULL OR o.reversed_by <> e.id))
                     """))
        {
            failures.Add(new("reversals", $"entry {id}", $"Entry {id} and the entry it reverses ({reverses?.ToString(CultureInfo.InvariantCulture) ?? "none"}) do not point at each other (that entry is marked reversed by {reversedBy?.ToString(CultureInfo.InvariantCulture) ?? "none"})."));
        }
    }

    private void AuditTrailComplete(List<CheckFailure> failures)
    {
        foreach (var id in _scope.Query<long>(
                     "SELECT e.id FROM entry e WHERE NOT EXISTS (SELECT 1 FROM audit_trail a WHERE a.entry_id = e.id AND a.action = CASE WHEN e.reverses IS NULL THEN 'post' ELSE 'reverse' END)"))
        {
            failures.Add(new("audit trail", $"entry {id}", $"Entry {id} has no audit trail record of its posting."));
        }
    }

    private string Amount(long units) => Money.Money.FromMinorUnits(units, _scope.Company.HomeCurrency).ToString();

    // The invoice's own currency; a code the file should never hold still prints, as raw minor units.
    private static string In(string currency, long units) =>
        Currency.TryGet(currency, out var known)
            ? Money.Money.FromMinorUnits(units, known).ToString()
            : units.ToString(CultureInfo.InvariantCulture) + " minor units of " + currency;
}
