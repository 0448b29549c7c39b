namespace BillingBooks.Books.Taxes;

/// <summary>Canadian sales taxes and the usual codes a new company starts with.</summary>
internal static class DefaultTaxes
{
    public static readonly IReadOnlyList<Tax> Taxes =
    [
        new("GST", new(2310), TaxableByOtherTaxes: false),
        new("HST", new(2310), TaxableByOtherTaxes: false),
        new("PST", new(2340), TaxableByOtherTaxes: false),
        new("QST", new(2350), TaxableByOtherTaxes: false),
    ];

    public static readonly IReadOnlyList<TaxCode> Codes =
    [
        new("", "No tax", []),
        new("E", "Exempt", [new("GST", 0m, TaxStatus.Exempt)]),
        new("G", "GST 5%", [new("GST", 5m, TaxStatus.Taxable)]),
        new("H", "HST 13%", [new("HST", 13m, TaxStatus.Taxable)]),
        new("GP", "GST 5% + PST 7%", [new("GST", 5m, TaxStatus.Taxable), new("PST", 7m, TaxStatus.Taxable)]),
        new("GQ", "GST 5% + QST 9.975%", [new("GST", 5m, TaxStatus.Taxable), new("QST", 9.975m, TaxStatus.Taxable)]),
    ];
}
