using BillingBooks.Books;
using BillingBooks.Books.Accounts;
using BillingBooks.Books.Settings;
using BillingBooks.Books.Storage;
using BillingBooks.Books.Sync.Storage;
using BillingBooks.Books.Taxes;
using BillingBooks.Money;

namespace BillingBooks.Sync.Bench;

/// <summary>
/// A company set up for what `billing seed` makes: foreign currencies with rates, a tax code for every set of
/// taxes a seeded line can carry, every card brand, PayPal and other-payment accounts. Calendar fiscal years,
/// opened three years back (--history-from), so the seeded two years of history import without conflicts.
/// </summary>
internal static class BenchCompany
{
    private static readonly (string Name, decimal Rate)[][] TaxSets =
    [
        [("HST", 13m)], [("GST", 5m), ("PST", 7m)], [("GST", 5m), ("PST", 10m)], [("GST", 5m)],
        [("GST", 5m), ("QST", 9.975m), ("Eco fee", 1.5m)],
    ];

    public static void Create(string path)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = new DateOnly(today.Year, 1, 1);
        var historyFrom = start.AddYears(-3);
        using var company = CompanyFile.Create(path, new NewCompany("Bench Ltd", FiscalYearStart: start, HistoryFrom: historyFrom)).Value;
        company.Write(w =>
        {
            w.Settings.SetAllowForeignCurrency(true);
            foreach (var (currency, rate) in new[] { (Currency.USD, 1.35m), (Currency.EUR, 1.5m), (Currency.JPY, 0.0091m), (Currency.Get("BHD"), 3.62m), (Currency.Get("GBP"), 1.74m) })
            {
                w.ExchangeRates.AddCurrency(currency);
                w.ExchangeRates.SetRate(currency, historyFrom, rate);
            }
            w.Taxes.Add(new Tax("Eco fee", new AccountNumber(2310), TaxableByOtherTaxes: false));
            var n = 0;
            foreach (var set in TaxSets)
            {
                // Every non-empty subset: a line may tick only some of the invoice's taxes.
                for (var mask = 1; mask < 1 << set.Length; mask++)
                {
                    var taxes = set.Where((_, i) => (mask & (1 << i)) != 0).Select(t => new TaxCodeTax(t.Name, t.Rate, TaxStatus.Taxable)).ToList();
                    if (w.TaxCodes.FindExact(taxes.Select(t => (t.TaxName, t.Rate)).ToList()) is null)
                        w.TaxCodes.Add(new TaxCode($"B{++n}", string.Join(" + ", taxes.Select(t => $"{t.TaxName} {t.Rate}%")), taxes));
                }
            }
            foreach (var brand in new[] { "visa", "master", "american_express", "discover", "diners_club", "jcb" })
                w.CreditCards.Add(new CreditCard(brand, 2.5m, new AccountNumber(5030), new AccountNumber(1065)));
            var sync = new SyncStore(w.Connection, w.Transaction);
            sync.Save(sync.Settings() with { PayPalAccount = 1080, OtherPaymentsAccount = 1060 });
            return Result<Unit>.Ok(Unit.Value);
        }).Value.ToString();
    }
}
