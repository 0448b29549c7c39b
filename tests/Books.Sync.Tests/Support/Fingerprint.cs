using BillingBooks.Books.Storage;
using Dapper;

namespace BillingBooks.Books.Sync.Tests.Support;

/// <summary>
/// What the books say, independent of how they got there: balance per account, open invoices, customers.
/// Two files that imported the same Billing history must have the same fingerprint, however many runs,
/// retries, reversals and crashes it took.
/// </summary>
public static class Fingerprint
{
    public static string Of(BooksRead scope)
    {
        var c = scope.Connection;
        var t = scope.Transaction;
        var balances = c.Query<(long Account, long Amount)>("SELECT account, SUM(amount) FROM posting GROUP BY account HAVING SUM(amount) <> 0 ORDER BY account", transaction: t);
        var invoices = c.Query<(string Number, long Total, long Owing)>("SELECT number, total, owing FROM invoice WHERE reversed = 0 ORDER BY number", transaction: t);
        var customers = c.Query<(string Name, long Deleted)>("SELECT name, deleted_in_billing FROM customer ORDER BY name", transaction: t);
        return string.Join('\n', balances.Select(b => $"account {b.Account}: {b.Amount}")
            .Concat(invoices.Select(i => $"invoice {i.Number}: {i.Total} owing {i.Owing}"))
            .Concat(customers.Select(x => $"customer {x.Name}{(x.Deleted != 0 ? " (deleted)" : "")}")));
    }
}
