using BillingBooks.Books.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Settings;

/// <summary>An exchange rate: home-currency units per 1 unit of <see cref="Currency"/>, in force from <see cref="Date"/>.</summary>
public sealed record ExchangeRate(Currency Currency, DateOnly Date, decimal Rate);

/// <summary>
/// Foreign currencies and their rates by date. The rate for a date is the latest rate on or before it
/// (Simply used the rate entered for the day; carrying the last known rate forward is what a bookkeeper
/// expects when no rate was typed for a weekend).
/// </summary>
public sealed class ExchangeRates
{
    private readonly BooksRead _scope;

    internal ExchangeRates(BooksRead scope) => _scope = scope;

    public IReadOnlyList<Currency> Currencies() =>
        _scope.CurrencyCache ??= _scope.Query<string>("SELECT code FROM foreign_currency ORDER BY code").Select(Currency.Get).ToArray();

    public Result<Currency> AddCurrency(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        _scope.RequireWrite();
        if (currency == _scope.Company.HomeCurrency)
        {
            return new InvalidInput("currency", $"{currency.Code} is the home currency, not a foreign one; add a different currency.");
        }

        _scope.Execute("INSERT OR IGNORE INTO foreign_currency (code) VALUES (@Code)", new { currency.Code });
        return currency;
    }

    /// <summary>Sets (or replaces) the rate for a currency on a date.</summary>
    public Result<ExchangeRate> SetRate(Currency currency, DateOnly date, decimal rate)
    {
        ArgumentNullException.ThrowIfNull(currency);
        _scope.RequireWrite();
        if (!Currencies().Contains(currency))
        {
            return new UnknownCurrency(currency.Code);
        }

        if (!ExchangeRateBounds.Contains(rate))
        {
            return new ExchangeRateOutOfRange(currency.Code, date, rate);
        }

        _scope.Execute(
            "INSERT INTO exchange_rate (currency, date, rate) VALUES (@Code, @Date, @Rate) ON CONFLICT (currency, date) DO UPDATE SET rate = excluded.rate",
            new { currency.Code, Date = SqlFormats.Date(date), Rate = SqlFormats.Decimal(rate) });
        return new ExchangeRate(currency, date, rate);
    }

    public IReadOnlyList<ExchangeRate> List(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return _scope.Query<(string Date, string Rate)>("SELECT date, rate FROM exchange_rate WHERE currency = @Code ORDER BY date", new { currency.Code })
            .Select(r => new ExchangeRate(currency, SqlFormats.Date(r.Date), SqlFormats.Decimal(r.Rate)))
            .ToArray();
    }

    /// <summary>
    /// The rate to use for a document in <paramref name="currency"/> dated <paramref name="date"/>: 1 for the home
    /// currency; otherwise foreign currency must be allowed, the currency set up, and a rate known on or before the date.
    /// </summary>
    public Result<decimal> RateOn(Currency currency, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var check = CheckForeign(currency);
        if (!check.IsOk)
        {
            return check.Error;
        }

        if (currency == _scope.Company.HomeCurrency)
        {
            return 1m;
        }

        // Prepared once per scope: a sync asks for the rate of each foreign document.
        var rate = _scope.Prepared("SELECT rate FROM exchange_rate WHERE currency = ? AND date <= ? ORDER BY date DESC LIMIT 1")
            .Add(currency.Code).Add(SqlFormats.Date(date)).First(r => r.Text(0));
        return rate is null ? new MissingExchangeRate(currency.Code, date) : SqlFormats.Decimal(rate);
    }

    /// <summary>May a document be in <paramref name="currency"/>? (With any rate: used when the rate is given.)</summary>
    public Result<Unit> CheckForeign(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (currency == _scope.Company.HomeCurrency)
        {
            return Unit.Value;
        }

        if (!_scope.Company.AllowForeignCurrency)
        {
            return new ForeignCurrencyDisabled(currency.Code);
        }

        return Currencies().Contains(currency) ? Unit.Value : new UnknownCurrency(currency.Code);
    }
}
