using BillingBooks.Books.Accounts;

namespace BillingBooks.Books.Taxes;

/// <summary>
/// A sales tax. <see cref="TaxableByOtherTaxes"/>: the other taxes of a code are charged on the amount plus this
/// tax (compound tax, e.g. the old QST charged on price + GST, where GST is the one "taxable by other taxes").
/// </summary>
public sealed record Tax(string Name, AccountNumber Account, bool TaxableByOtherTaxes);

public enum TaxStatus
{
    Taxable,
    Exempt,
    NonTaxable,
}

/// <summary>One tax in a code, with the rate in percent (13 = 13%).</summary>
public sealed record TaxCodeTax(string TaxName, decimal Rate, TaxStatus Status);

/// <summary>A tax code: "H" = HST 13%, "GP" = GST 5% + PST 7%, "E" = exempt, "" = no tax.</summary>
public sealed record TaxCode(string Code, string Description, IReadOnlyList<TaxCodeTax> Taxes)
{
    /// <summary>The taxes actually charged under this code.</summary>
    public IReadOnlyList<TaxCodeTax> Charged => Taxes.Where(t => t.Status == TaxStatus.Taxable).ToArray();
}

/// <summary>An amount of one tax on a document.</summary>
public sealed record TaxAmount(string TaxName, Money.Money Amount);
