using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Reports;

/// <summary>The whole journal as an hledger/ledger journal whose account balances equal the trial balance.</summary>
public sealed class HledgerExport
{
    private readonly BooksRead _scope;

    internal HledgerExport(BooksRead scope) => _scope = scope;

    public void Write(TextWriter writer) => throw new NotImplementedException();
}
