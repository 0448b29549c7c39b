using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using BillingBooks.Books.Accounts;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Money;

namespace BillingBooks.Books.Cli.Parsing;

/// <summary>Options and arguments whose values are checked while parsing, each refusal naming the fix.</summary>
internal static class Options
{
    public const string DateFormat = "yyyy-MM-dd";

    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result => ParseDate(result, name),
    };

    public static Argument<DateOnly> DateArgument(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result => ParseDate(result, name) ?? default,
    };

    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "table (default), csv (RFC 4180) or json.",
        HelpName = "table|csv|json",
        DefaultValueFactory = _ => OutputFormat.Table,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Enum.TryParse<OutputFormat>(text, ignoreCase: true, out var format) && Enum.IsDefined(format) && !int.TryParse(text, CultureInfo.InvariantCulture, out _))
            {
                return format;
            }

            result.AddError($"--format: '{text}' is not a format; use table, csv or json");
            return OutputFormat.Table;
        },
    };

    public static Option<Currency?> Currency(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "CODE",
        CustomParser = result => ParseCurrency(result, name),
    };

    public static Argument<Currency> CurrencyArgument(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "CODE",
        CustomParser = result => ParseCurrency(result, name) ?? Money.Currency.CAD,
    };

    public static Argument<AccountNumber> AccountArgument(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "NUMBER",
        CustomParser = result => ParseAccount(result, name) ?? default,
    };

    public static Option<AccountNumber?> Account(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "NUMBER",
        CustomParser = result => ParseAccount(result, name),
    };

    /// <summary>An exact decimal (a percent or a rate), typed with a '.' whatever the machine's culture.</summary>
    public static Option<decimal?> Decimal(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => ParseDecimal(result, name, helpName),
    };

    public static Argument<decimal> DecimalArgument(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => ParseDecimal(result, name, name) ?? 0m,
    };

    /// <summary>on/off (also yes/no, true/false). Not a bool option: those take no value ("--x on" would fail).</summary>
    public static Option<Toggle?> OnOff(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "on|off",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            switch (text.ToUpperInvariant())
            {
                case "ON" or "YES" or "TRUE":
                    return Toggle.On;
                case "OFF" or "NO" or "FALSE":
                    return Toggle.Off;
                default:
                    result.AddError($"{name}: '{text}' is not on or off; write {name} on or {name} off");
                    return null;
            }
        },
    };

    public static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static string Iso(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static AccountNumber? ParseAccount(ArgumentResult result, string name)
    {
        var text = result.Tokens.Single().Value;
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1000)
        {
            return new AccountNumber(number);
        }

        result.AddError($"{name}: '{text}' is not an account number; give its 4 digits, e.g. 1060");
        return null;
    }

    private static decimal? ParseDecimal(ArgumentResult result, string name, string helpName)
    {
        var text = result.Tokens.Single().Value;
        if (TryParseDecimal(text, out var value))
        {
            return value;
        }

        result.AddError($"{name}: '{text}' is not a number; write {helpName} with a '.' for decimals, e.g. 2.5");
        return null;
    }

    private static Currency? ParseCurrency(ArgumentResult result, string name)
    {
        var text = result.Tokens.Single().Value;
        if (Money.Currency.TryGet(text.ToUpperInvariant(), out var currency))
        {
            return currency;
        }

        result.AddError($"{name}: '{text}' is not a currency; give its ISO code, e.g. CAD or USD");
        return null;
    }

    private static DateOnly? ParseDate(ArgumentResult result, string name)
    {
        var text = result.Tokens.Single().Value;
        if (TryParseDate(text, out var date))
        {
            return date;
        }

        result.AddError($"{name}: '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31");
        return null;
    }
}
