using BillingBooks.Money;

namespace BillingBooks.Books.Sync.Mapping;

/// <summary>
/// What the company file says that decides how Billing records post: read once per run (and again after
/// a fix between runs). Names compare case-insensitively; rates are percents.
/// </summary>
public sealed record BooksSetup(
    string File,
    Currency Home,
    bool CashBasis,
    bool AllowForeignCurrency,
    IReadOnlySet<string> ForeignCurrencies,
    IReadOnlyList<TaxCodeSetup> TaxCodes,
    IReadOnlySet<string> TaxNames,
    IReadOnlyList<string> CardNames,
    SyncAccounts Accounts,
    Func<Currency, DateOnly, decimal?> ExchangeRate)
{
    /// <summary>The taxes other taxes are charged on (Books' "taxable by other taxes", the compound tax).</summary>
    public IReadOnlySet<string> TaxableByOthers { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}

/// <param name="Taxes">The taxes the code charges (exempt/non-taxable entries are left out), with rates.</param>
public sealed record TaxCodeSetup(string Code, IReadOnlyList<TaxRate> Taxes);

public sealed record TaxRate(string Name, decimal Rate)
{
    public override string ToString() => $"{Name} {Rate.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}%";
}

/// <summary>The accounts the Synchronization Setup chose (numbers of the chart of accounts).</summary>
public sealed record SyncAccounts(int TrackSales, int TrackPayments, int? PayPal, int? OtherPayments);
