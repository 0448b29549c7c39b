using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Storage;
using BillingBooks.Books.Sync.Storage;
using BillingBooks.Money;
using Dapper;

namespace BillingBooks.Books.Sync;

/// <summary>
/// SPEC 3.5: Books' figures for the imported invoices (invoiced and owing per customer and currency, tax per
/// currency and name) against Billing's summary at the same cursor. A difference that involves records in
/// conflict is expected (they are not imported yet, on purpose) and named as such.
/// </summary>
internal static class Reconciler
{
    public static Reconciliation Compare(BooksRead scope, string dataset, DatasetSummary billing)
    {
        var store = new SyncStore(scope.Connection, scope.Transaction);
        var byCustomer = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var byCurrency = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (label, customer, currency) in store.ConflictSubjects())
        {
            Note(byCustomer, customer, label);
            Note(byCurrency, currency, label);
        }
        var prefix = $"billing:{dataset}/customer/";
        var differences = new List<ReconciliationDifference>();

        var books = scope.Connection.Query<(string Reference, string Name, string Currency, long Invoiced, long Owing)>(
            """
            SELECT c.external_reference, c.name, i.currency, SUM(i.total), SUM(i.owing)
            FROM invoice i JOIN customer c ON c.id = i.customer_id
            WHERE i.reversed = 0 AND c.external_reference LIKE @pattern
              AND EXISTS (SELECT 1 FROM sync_source s WHERE s.kind = 'invoice' AND s.books_id = i.entry_id)
            GROUP BY c.external_reference, c.name, i.currency
            """, new { pattern = prefix + "%" }, scope.Transaction)
            .ToDictionary(r => (Id: r.Reference[prefix.Length..], r.Currency));
        var names = books.ToDictionary(b => b.Key.Id, b => b.Value.Name);

        var keys = books.Keys.Union(billing.Customers.Select(c => (Id: c.CustomerId, c.Currency))).Distinct();
        foreach (var key in keys)
        {
            var currency = Currency.Get(key.Currency);
            var ours = books.TryGetValue(key, out var row) ? row : default;
            var theirs = billing.Customers.FirstOrDefault(c => c.CustomerId == key.Id && c.Currency == key.Currency);
            var who = $"customer {(names.TryGetValue(key.Id, out var name) ? name : key.Id)} ({key.Currency})";
            var involved = byCustomer.GetValueOrDefault(key.Id) ?? [];
            Add(differences, $"invoiced to {who}", Money.Money.FromMinorUnits(ours.Invoiced, currency), Parse(theirs?.Invoiced, currency), involved);
            Add(differences, $"owing by {who}", Money.Money.FromMinorUnits(ours.Owing, currency), Parse(theirs?.Owing, currency), involved);
        }

        var bookTotals = books.Values.GroupBy(b => b.Currency).ToDictionary(g => g.Key, g => (Invoiced: g.Sum(b => b.Invoiced), Owing: g.Sum(b => b.Owing)));
        foreach (var code in bookTotals.Keys.Union(billing.Currencies.Select(c => c.Currency)).Distinct())
        {
            var currency = Currency.Get(code);
            var ours = bookTotals.TryGetValue(code, out var t) ? t : default;
            var theirs = billing.Currencies.FirstOrDefault(c => c.Currency == code);
            var involved = byCurrency.GetValueOrDefault(code) ?? [];
            Add(differences, $"total invoiced in {code}", Money.Money.FromMinorUnits(ours.Invoiced, currency), Parse(theirs?.Invoiced, currency), involved);
            Add(differences, $"total owing in {code}", Money.Money.FromMinorUnits(ours.Owing, currency), Parse(theirs?.Owing, currency), involved);
        }

        var taxes = scope.Connection.Query<(string Currency, string Name, long Amount)>(
            """
            SELECT i.currency, t.name, SUM(it.amount)
            FROM invoice_tax it JOIN invoice i ON i.entry_id = it.entry_id JOIN tax t ON t.id = it.tax_id
            WHERE i.reversed = 0 AND EXISTS (SELECT 1 FROM sync_source s WHERE s.kind = 'invoice' AND s.books_id = i.entry_id)
            GROUP BY i.currency, t.name
            """, transaction: scope.Transaction)
            .ToDictionary(r => (r.Currency, Name: r.Name.ToUpperInvariant()), r => r.Amount);
        var billingTaxes = billing.Taxes
            .GroupBy(t => (t.Currency, Name: t.Name.ToUpperInvariant()))
            .ToDictionary(g => g.Key, g => Money.Money.Sum(g.Select(t => Money.Money.Parse(t.Amount, Currency.Get(t.Currency))), Currency.Get(g.Key.Currency)));
        foreach (var key in taxes.Keys.Union(billingTaxes.Keys).Distinct())
        {
            var currency = Currency.Get(key.Currency);
            var ours = Money.Money.FromMinorUnits(taxes.TryGetValue(key, out var a) ? a : 0, currency);
            var theirs = billingTaxes.TryGetValue(key, out var b) ? b : Money.Money.Zero(currency);
            var involved = byCurrency.GetValueOrDefault(key.Currency) ?? [];
            Add(differences, $"{key.Name} charged in {key.Currency}", ours, theirs, involved);
        }

        return new Reconciliation(true, null, differences);
    }

    private static void Add(List<ReconciliationDifference> differences, string what, Money.Money books, Money.Money billing, List<string> involved)
    {
        if (books == billing) return;
        differences.Add(new ReconciliationDifference(what, books.ToDecimalString(), billing.ToDecimalString(), involved.Count > 0,
            involved.Count > 0 ? involved : ["no record in conflict explains it: run `books check` and compare the customer's invoices with Billing"]));
    }

    private static Money.Money Parse(string? amount, Currency currency) => amount is null ? Money.Money.Zero(currency) : Money.Money.Parse(amount, currency);

    /// <summary>Keeps the first few labels per subject (enough to name them), and a count beyond.</summary>
    private static void Note(Dictionary<string, List<string>> subjects, string? subject, string label)
    {
        if (subject is null) return;
        if (!subjects.TryGetValue(subject, out var labels)) subjects[subject] = labels = [];
        if (labels.Count < 5) labels.Add(label);
        else if (labels.Count == 5) labels.Add("and more in conflict");
    }
}
