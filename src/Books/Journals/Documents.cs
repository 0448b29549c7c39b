using BillingBooks.Books.Settings;
using BillingBooks.Books.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Journals;

/// <summary>Currency and rate rules shared by sales and receipts.</summary>
internal static class Documents
{
    /// <summary>
    /// The currency and rate of a document: home = rate 1; foreign needs foreign currency allowed and the currency
    /// set up, and uses the given rate or else the company's rate on or before the date.
    /// </summary>
    public static Result<DocumentCurrency> CurrencyOf(BooksRead scope, Currency currency, DateOnly date, decimal? given)
    {
        // Read once per scope for each (currency, date, rate): a sync posts thousands of documents on few dates.
        var key = (currency, date, given);
        if (!scope.DocumentCurrencyCache.TryGetValue(key, out var found))
        {
            found = Find(scope, currency, date, given);
            scope.DocumentCurrencyCache[key] = found;
        }

        return found;
    }

    private static Result<DocumentCurrency> Find(BooksRead scope, Currency currency, DateOnly date, decimal? given)
    {
        var home = scope.Company.HomeCurrency;
        if (currency == home)
        {
            return new DocumentCurrency(currency, 1m, home);
        }

        if (given is { } rate)
        {
            if (!ExchangeRateBounds.Contains(rate))
            {
                return new ExchangeRateOutOfRange(currency.Code, date, rate);
            }

            return scope.ExchangeRates.CheckForeign(currency).Map(_ => new DocumentCurrency(currency, rate, home));
        }

        return scope.ExchangeRates.RateOn(currency, date).Map(r => new DocumentCurrency(currency, r, home));
    }

    /// <summary>A document amount in home minor units: converted once at the document's rate, half away from zero.</summary>
    public static long Home(Money.Money amount, DocumentCurrency currency) =>
        currency.IsForeign
            ? amount.ConvertTo(currency.Home, currency.Rate, MidpointRounding.AwayFromZero).MinorUnits
            : amount.MinorUnits;

    /// <summary>A posting line of a document: home amount, plus the document amount and rate when it is foreign.</summary>
    public static PostingLine Line(int account, long home, long document, DocumentCurrency currency, string memo) =>
        currency.IsForeign
            ? new PostingLine(account, home, currency.Currency.Code, document, currency.Rate, memo)
            : new PostingLine(account, home, Memo: memo);
}
