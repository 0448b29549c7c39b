using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Storage;
using BillingBooks.Books.Sync.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Sync;

/// <summary>What a reconciliation asks Billing for: every customer, or those changed after a cursor plus some named.</summary>
/// <param name="ChangedAfter">Null: every customer.</param>
internal sealed record SummaryRequest(string? ChangedAfter, IReadOnlyList<string> Customers)
{
    public static readonly SummaryRequest Everything = new(null, []);

    public bool IsEverything => ChangedAfter is null;
}

/// <summary>
/// SPEC 3.5: Books' figures for the imported invoices (invoiced and owing per customer and currency, totals
/// per currency, tax per currency and name) against Billing's summary at the same cursor. Both sides keep
/// running totals, so a run compares the whole account's totals plus only the customers that may differ:
/// those changed on either side since the last reconciliation and those that differed then. When the totals
/// differ by more than those customers explain, everything is compared to find where. A difference that
/// involves records in conflict is expected (they are not imported yet, on purpose) and named as such.
/// </summary>
internal static class Reconciler
{
    /// <summary>Beyond this many customers to name, asking Billing for all of them is simpler (and the URL stays short).</summary>
    public const int MaxNamedCustomers = 500;

    private const int LabelsShown = 5;

    public static SummaryRequest Plan(BooksRead scope, string dataset)
    {
        var totals = Totals(scope, dataset);
        if (totals.ReconciledThrough() is not { } through) return SummaryRequest.Everything; // first time (or just upgraded)
        var unsettled = totals.Unsettled();
        return unsettled.Count > MaxNamedCustomers ? SummaryRequest.Everything : new SummaryRequest(through, unsettled);
    }

    /// <summary>
    /// Compares and records the outcome; null when the request named only some customers and the totals differ
    /// by more than they explain (then ask for everything).
    /// </summary>
    public static Reconciliation? Compare(BooksWrite scope, string dataset, string file, DatasetSummary billing, SummaryRequest request)
    {
        var totals = Totals(scope, dataset);
        var compared = request.IsEverything ? null : request.Customers.Union(billing.Customers.Select(c => c.CustomerId), StringComparer.Ordinal).ToList();
        var books = totals.Customers(compared).ToDictionary(r => (Id: r.Customer, r.Currency));
        var theirs = billing.Customers.ToDictionary(c => (Id: c.CustomerId, c.Currency));
        var names = compared is null ? books.Values.GroupBy(b => b.Customer).ToDictionary(g => g.Key, g => g.First().Name) : totals.Names(compared);
        // A customer Books holds no imported invoice of (all in conflict, say) is still named, not numbered.
        if (theirs.Keys.Select(k => k.Id).Where(id => !names.ContainsKey(id)).Distinct().ToList() is { Count: > 0 } unnamed)
            names = names.Concat(totals.Names(unnamed)).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);

        var differences = new List<ReconciliationDifference>();
        var differing = new HashSet<string>(StringComparer.Ordinal);
        var explained = new Dictionary<string, (long Invoiced, long Owing)>(StringComparer.Ordinal);
        var byHand = new Dictionary<string, List<string>>(StringComparer.Ordinal); // per currency, for its total owing
        foreach (var key in books.Keys.Union(theirs.Keys).Distinct().OrderBy(k => k.Id, StringComparer.Ordinal).ThenBy(k => k.Currency, StringComparer.Ordinal))
        {
            var currency = Currency.Get(key.Currency);
            var ours = books.TryGetValue(key, out var row) ? (row.Invoiced, row.Owing) : (0L, 0L);
            var billed = theirs.TryGetValue(key, out var balance) ? (Parse(balance.Invoiced, currency), Parse(balance.Owing, currency)) : (0L, 0L);
            if (ours == billed) continue;
            differing.Add(key.Id);
            var gap = explained.GetValueOrDefault(key.Currency);
            explained[key.Currency] = (gap.Invoiced + ours.Item1 - billed.Item1, gap.Owing + ours.Item2 - billed.Item2);
            var who = $"customer {(names.TryGetValue(key.Id, out var name) ? name : key.Id)} ({key.Currency})";
            var involved = Labels(totals.ConflictLabels(key.Id, null, LabelsShown + 1));
            Add(differences, $"invoiced to {who}", currency, ours.Item1, billed.Item1, involved);
            var receipts = ours.Item2 == billed.Item2 ? [] : HandReceipts(totals.HandReceipts(key.Id, key.Currency, LabelsShown + 1), file);
            if (receipts.Count > 0) (byHand.TryGetValue(key.Currency, out var list) ? list : byHand[key.Currency] = []).AddRange(receipts);
            Add(differences, $"owing by {who}", currency, ours.Item2, billed.Item2, involved, receipts);
        }

        // A currency's conflicts explain its totals and each of its taxes: looked up once.
        var byCurrency = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        IReadOnlyList<string> InCurrency(string code) =>
            byCurrency.TryGetValue(code, out var known) ? known : byCurrency[code] = Labels(totals.ConflictLabels(null, code, LabelsShown + 1));

        var bookTotals = totals.Currencies().ToDictionary(c => c.Currency, c => (c.Invoiced, c.Owing), StringComparer.Ordinal);
        var billingTotals = billing.Currencies.ToDictionary(c => c.Currency, StringComparer.Ordinal);
        foreach (var code in bookTotals.Keys.Union(billingTotals.Keys).Order(StringComparer.Ordinal))
        {
            var currency = Currency.Get(code);
            var ours = bookTotals.GetValueOrDefault(code);
            var billed = billingTotals.TryGetValue(code, out var t) ? (Parse(t.Invoiced, currency), Parse(t.Owing, currency)) : (0L, 0L);
            if (ours == billed) continue;
            // Partial comparison: a gap the compared customers do not account for lies with another customer.
            if (compared is not null && explained.GetValueOrDefault(code) != (ours.Invoiced - billed.Item1, ours.Owing - billed.Item2)) return null;
            var involved = InCurrency(code);
            Add(differences, $"total invoiced in {code}", currency, ours.Invoiced, billed.Item1, involved);
            Add(differences, $"total owing in {code}", currency, ours.Owing, billed.Item2, involved, byHand.GetValueOrDefault(code)?.Take(LabelsShown).ToList() ?? []);
        }

        var taxes = totals.Taxes().ToDictionary(t => (t.Currency, t.Name), t => t.Amount);
        var billingTaxes = billing.Taxes
            .GroupBy(t => (t.Currency, Name: t.Name.ToUpperInvariant()))
            .ToDictionary(g => g.Key, g => g.Sum(t => Parse(t.Amount, Currency.Get(t.Currency))));
        foreach (var key in taxes.Keys.Union(billingTaxes.Keys).Distinct().OrderBy(k => k.Currency, StringComparer.Ordinal).ThenBy(k => k.Name, StringComparer.Ordinal))
        {
            if (taxes.GetValueOrDefault(key) == billingTaxes.GetValueOrDefault(key)) continue;
            var involved = InCurrency(key.Currency);
            Add(differences, $"{key.Name} charged in {key.Currency}", Currency.Get(key.Currency), taxes.GetValueOrDefault(key), billingTaxes.GetValueOrDefault(key), involved);
        }

        totals.Reconciled(billing.Through, compared, differing);
        return new Reconciliation(true, null, differences);
    }

    private static RunningTotals Totals(BooksRead scope, string dataset) => new(scope.Connection, scope.Transaction, dataset);

    /// <param name="involved">Records in conflict that explain the difference (it is expected: they are not imported yet).</param>
    /// <param name="byHand">Receipts entered in Books on imported invoices, with the command that reverses each: never
    /// expected (Billing does not know them; if Billing has the same payment, it is counted twice).</param>
    private static void Add(List<ReconciliationDifference> differences, string what, Currency currency, long books, long billing, IReadOnlyList<string> involved,
        IReadOnlyList<string>? byHand = null)
    {
        if (books == billing) return;
        byHand ??= [];
        IReadOnlyList<string> records = involved.Count + byHand.Count > 0
            ? [.. involved, .. byHand]
            : ["no record in conflict explains it: run `books check` and compare the customer's invoices with Billing"];
        differences.Add(new ReconciliationDifference(what, Money.Money.FromMinorUnits(books, currency).ToDecimalString(), Money.Money.FromMinorUnits(billing, currency).ToDecimalString(),
            involved.Count > 0 && byHand.Count == 0, records));
    }

    private static List<string> HandReceipts(IReadOnlyList<HandReceipt> receipts, string file)
    {
        var named = receipts.Take(LabelsShown).Select(r =>
            $"receipt entry {r.Entry}, entered in Books, pays Invoice {r.InvoiceNumber} and Billing does not know it; if it is a payment Billing has too, " +
            $"it is counted twice: books --file {FixCommands.Quote(file)} receipts reverse {r.Entry}").ToList();
        if (receipts.Count > LabelsShown) named.Add("and more receipts entered in Books");
        return named;
    }

    private static long Parse(string amount, Currency currency) => Money.Money.Parse(amount, currency).MinorUnits;

    /// <summary>The first few labels (enough to name them), and a mention of more beyond.</summary>
    private static IReadOnlyList<string> Labels(IReadOnlyList<string> firstLabels) =>
        firstLabels.Count <= LabelsShown ? firstLabels : [.. firstLabels.Take(LabelsShown), "and more in conflict"];
}
