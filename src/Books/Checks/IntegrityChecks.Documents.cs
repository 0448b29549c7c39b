namespace BillingBooks.Books.Checks;

/// <summary>
/// The documents (invoices, receipts) against their own figures and the entries that post them: what
/// `sales show` and `receipts list` print must be what the ledger holds. Each check is one set-based query
/// keyed by entry (invoice, receipt, posting, allocation are all keyed or indexed by it).
/// </summary>
public sealed partial class IntegrityChecks
{
    /// <summary>Each invoice is posted by a sale entry and each receipt by a receipt entry, of the same date, customer and reversal.</summary>
    private void DocumentsMatchEntries(List<CheckFailure> failures)
    {
        foreach (var d in _scope.Query<DocumentRow>(
                     """
                     SELECT 'invoice' AS Document, i.number AS Name, i.entry_id AS Entry, i.date AS Date, i.customer_id AS Customer, i.reversed AS Reversed,
                            e.id IS NOT NULL AS Found, e.kind AS EntryKind, e.date AS EntryDate, e.customer_id AS EntryCustomer, e.reversed_by AS ReversedBy
                     FROM invoice i LEFT JOIN entry e ON e.id = i.entry_id
                     WHERE e.id IS NULL OR e.kind <> 'sale' OR e.date <> i.date OR e.customer_id IS NOT i.customer_id OR (i.reversed <> 0) <> (e.reversed_by IS NOT NULL)
                     UNION ALL
                     SELECT 'receipt', CAST(r.entry_id AS TEXT), r.entry_id, r.date, r.customer_id, r.reversed,
                            e.id IS NOT NULL, e.kind, e.date, e.customer_id, e.reversed_by
                     FROM receipt r LEFT JOIN entry e ON e.id = r.entry_id
                     WHERE e.id IS NULL OR e.kind <> 'receipt' OR e.date <> r.date OR e.customer_id IS NOT r.customer_id OR (r.reversed <> 0) <> (e.reversed_by IS NOT NULL)
                     ORDER BY 3
                     """))
        {
            var (document, where) = d.Document == "invoice"
                ? ($"Invoice {d.Name}", $"invoice {d.Name}, entry {d.Entry}")
                : ($"The receipt of entry {d.Entry}", $"receipt {d.Entry}");
            var kind = d.Document == "invoice" ? "sale" : "receipt";
            if (d.Found == 0)
            {
                failures.Add(new("documents", where, $"{document} has no entry: entry {d.Entry} is missing, so nothing in the ledger posts it."));
                continue;
            }

            if (d.EntryKind != kind)
            {
                failures.Add(new("documents", where, $"{document} is posted by entry {d.Entry}, which is marked a {d.EntryKind} entry, not a {kind}: reports and checks that look for {kind}s no longer count it."));
            }

            if (d.EntryDate != d.Date)
            {
                failures.Add(new("documents", where, $"{document} is dated {d.Date} but entry {d.Entry}, which posts it, is dated {d.EntryDate}."));
            }

            if (d.EntryCustomer != d.Customer)
            {
                failures.Add(new("documents", where, $"{document} is for customer {d.Customer} but entry {d.Entry}, which posts it, is for {(d.EntryCustomer is { } c ? "customer " + c : "no customer")}."));
            }

            if ((d.Reversed != 0) != (d.ReversedBy is not null))
            {
                failures.Add(new("documents", where, d.ReversedBy is { } by
                    ? $"Entry {d.Entry} is reversed by entry {by} but {document.ToLowerInvariant()} is still marked in force."
                    : $"{document} is marked reversed but entry {d.Entry}, which posts it, has no reversal."));
            }
        }

        foreach (var (entry, kind) in _scope.Query<(long Entry, string Kind)>(
                     """
                     SELECT e.id, e.kind FROM entry e
                     WHERE (e.kind = 'sale' AND NOT EXISTS (SELECT 1 FROM invoice i WHERE i.entry_id = e.id))
                        OR (e.kind = 'receipt' AND NOT EXISTS (SELECT 1 FROM receipt r WHERE r.entry_id = e.id))
                     ORDER BY e.id
                     """))
        {
            failures.Add(new("documents", $"entry {entry}", $"Entry {entry} is a {kind} but no {(kind == "sale" ? "invoice" : "receipt")} belongs to it: the sales and receipts journals do not show it."));
        }
    }

    /// <summary>An invoice's lines add up to its subtotal, with its taxes to its total, and its entry posts exactly those (in the invoice's currency).</summary>
    private void InvoicesAddUp(List<CheckFailure> failures)
    {
        foreach (var i in _scope.Query<(string Number, string Currency, long Subtotal, long Total, long Lines, long Taxes)>(
                     """
                     SELECT * FROM (
                         SELECT i.number, i.currency, i.subtotal, i.total,
                                COALESCE((SELECT SUM(l.amount) FROM invoice_line l WHERE l.entry_id = i.entry_id), 0) AS lines,
                                COALESCE((SELECT SUM(x.amount) FROM invoice_tax x WHERE x.entry_id = i.entry_id), 0) AS taxes
                         FROM invoice i)
                     WHERE lines <> subtotal OR subtotal + taxes <> total
                     ORDER BY number
                     """))
        {
            failures.Add(new("invoice totals", $"invoice {i.Number}", i.Lines != i.Subtotal
                ? $"Invoice {i.Number}'s lines add up to {In(i.Currency, i.Lines)} but its subtotal is {In(i.Currency, i.Subtotal)}."
                : $"Invoice {i.Number}'s subtotal {In(i.Currency, i.Subtotal)} plus taxes {In(i.Currency, i.Taxes)} is {In(i.Currency, i.Subtotal + i.Taxes)} but its total is {In(i.Currency, i.Total)}."));
        }

        // Per invoice and account: what its lines (credit revenue), taxes (credit the tax accounts) and total (debit
        // receivable, also at its booked home value) call for, against what its entry posts. The entry's own lines
        // carry the invoice's currency in foreign_amount when it is foreign, else the amount is in it.
        foreach (var p in _scope.Query<(string Number, long Entry, string Currency, long Account, long Expected, long Posted, long ExpectedHome, long PostedHome)>(
                     """
                     SELECT i.number, i.entry_id, i.currency, x.account, SUM(x.expected), SUM(x.posted), SUM(x.expected_home), SUM(x.posted_home)
                     FROM (
                         SELECT entry_id, account, -amount AS expected, 0 AS posted, 0 AS expected_home, 0 AS posted_home FROM invoice_line
                         UNION ALL
                         SELECT entry_id, account, -amount, 0, 0, 0 FROM invoice_tax
                         UNION ALL
                         SELECT entry_id, @Receivable, total, 0, home_total, 0 FROM invoice
                         UNION ALL
                         SELECT p.entry_id, p.account, 0, COALESCE(p.foreign_amount, p.amount), 0, CASE WHEN p.account = @Receivable THEN p.amount ELSE 0 END
                         FROM posting p JOIN invoice i ON i.entry_id = p.entry_id
                         -- A foreign invoice's home-only Rounding line (the cents its lines' conversions miss the
                         -- receivable by) is no amount of the invoice's currency; the entry's balance covers it. Every
                         -- other line of a foreign invoice carries its foreign amount; the line stays on the account
                         -- it was posted to if the Rounding linked account changes later.
                         WHERE NOT (p.foreign_amount IS NULL AND i.currency <> @Home)
                     ) x JOIN invoice i ON i.entry_id = x.entry_id
                     GROUP BY x.entry_id, x.account
                     HAVING SUM(x.expected) <> SUM(x.posted) OR SUM(x.expected_home) <> SUM(x.posted_home)
                     ORDER BY x.entry_id, x.account
                     """, new { Receivable = _scope.Linked.AccountsReceivable.Value, Home = _scope.Company.HomeCurrency.Code }))
        {
            failures.Add(new("invoice totals", $"invoice {p.Number}", p.Expected != p.Posted
                ? $"Invoice {p.Number}'s entry {p.Entry} posts {DrCr(In(p.Currency, Math.Abs(p.Posted)), p.Posted)} to account {p.Account} but its lines, taxes and total call for {DrCr(In(p.Currency, Math.Abs(p.Expected)), p.Expected)}."
                : $"Invoice {p.Number}'s entry {p.Entry} posts {DrCr(Amount(Math.Abs(p.PostedHome)), p.PostedHome)} to account {p.Account} but its booked home total is {Amount(p.ExpectedHome)}."));
        }
    }

    /// <summary>
    /// A receipt's amount is what its allocations add up to and what its entry debits in its currency (deposit and
    /// card fee); its Accounts Receivable credit is the home value its allocations settle; it pays only its own
    /// customer's invoices in its own currency.
    /// </summary>
    private void ReceiptsAddUp(List<CheckFailure> failures)
    {
        foreach (var r in _scope.Query<ReceiptRow>(
                     """
                     SELECT r.entry_id AS Entry, c.name AS Customer, r.currency AS Currency, r.amount AS Amount, r.allocated AS Allocated, r.settled AS Settled,
                            r.received AS Received, r.credited AS Credited, r.strangers AS Strangers
                     FROM (
                         SELECT r.*,
                                COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.receipt_id = r.entry_id), 0) AS allocated,
                                COALESCE((SELECT SUM(a.home_amount) FROM allocation a WHERE a.receipt_id = r.entry_id), 0) AS settled,
                                COALESCE((SELECT SUM(COALESCE(p.foreign_amount, p.amount)) FROM posting p
                                          WHERE p.entry_id = r.entry_id AND COALESCE(p.currency, @Home) = r.currency AND COALESCE(p.foreign_amount, p.amount) > 0), 0) AS received,
                                COALESCE((SELECT -SUM(p.amount) FROM posting p WHERE p.entry_id = r.entry_id AND p.account = @Receivable), 0) AS credited,
                                (SELECT group_concat(i.number, ', ') FROM allocation a JOIN invoice i ON i.entry_id = a.invoice_id
                                 WHERE a.receipt_id = r.entry_id AND (i.currency <> r.currency OR i.customer_id <> r.customer_id)) AS strangers
                         FROM receipt r) r
                     LEFT JOIN customer c ON c.id = r.customer_id
                     WHERE allocated <> amount OR received <> amount OR credited <> settled OR strangers IS NOT NULL
                     ORDER BY r.entry_id
                     """, new { Home = _scope.Company.HomeCurrency.Code, Receivable = _scope.Linked.AccountsReceivable.Value }))
        {
            var receipt = $"The receipt of entry {r.Entry} from '{r.Customer ?? "(no such customer)"}'";
            void Add(string message) => failures.Add(new("receipts", $"receipt {r.Entry}", message));
            if (r.Allocated != r.Amount)
            {
                Add($"{receipt} is for {In(r.Currency, r.Amount)} but its allocations add up to {In(r.Currency, r.Allocated)}.");
            }

            if (r.Received != r.Amount)
            {
                Add($"{receipt} is for {In(r.Currency, r.Amount)} but its entry debits {In(r.Currency, r.Received)} (the deposit plus any card fee).");
            }

            if (r.Credited != r.Settled)
            {
                Add($"{receipt} credits Accounts Receivable with {Amount(r.Credited)} but its allocations settle {Amount(r.Settled)} of invoices.");
            }

            if (r.Strangers is { } numbers)
            {
                Add($"{receipt} is allocated to invoice(s) {numbers} of another customer or currency.");
            }
        }
    }

    private static string DrCr(string amount, long units) => units switch
    {
        > 0 => "Dr " + amount,
        < 0 => "Cr " + amount,
        _ => "nothing",
    };

    // Classes with setters, not positional records: Dapper matches a constructor by column types, which SQLite
    // does not report for computed columns of an empty result.
    private sealed class DocumentRow
    {
        public string Document { get; init; } = "";
        public string Name { get; init; } = "";
        public long Entry { get; init; }
        public string Date { get; init; } = "";
        public long Customer { get; init; }
        public long Reversed { get; init; }
        public long Found { get; init; }
        public string? EntryKind { get; init; }
        public string? EntryDate { get; init; }
        public long? EntryCustomer { get; init; }
        public long? ReversedBy { get; init; }
    }

    private sealed class ReceiptRow
    {
        public long Entry { get; init; }
        public string? Customer { get; init; }
        public string Currency { get; init; } = "";
        public long Amount { get; init; }
        public long Allocated { get; init; }
        public long Settled { get; init; }
        public long Received { get; init; }
        public long Credited { get; init; }
        public string? Strangers { get; init; }
    }
}
