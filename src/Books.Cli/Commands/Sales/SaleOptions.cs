using System.CommandLine;
using System.Globalization;
using BillingBooks.Books.Accounts;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Cli.Commands.Sales;

/// <summary>What `sales post` and `sales adjust` both take: lines (--line or --from), dates, currency and rate.</summary>
internal sealed class SaleOptions
{
    private readonly Option<LineSpec[]> _lines = LineSpec.Option();
    private readonly Option<string?> _from = new("--from") { Description = "Read the lines from a JSON file: [{\"description\":\"...\",\"amount\":\"100.00\",\"taxCode\":\"GP\",\"account\":\"4020\"}].", HelpName = "FILE" };
    private readonly Option<DateOnly?> _due = Options.Date("--due", "The due date (the date plus the customer's terms if not given).");
    private readonly Option<Money.Currency?> _currency = Options.Currency("--currency", "The invoice's currency (the customer's if not given).");
    private readonly Option<decimal?> _rate = Options.Decimal("--rate", "RATE", "Home units per 1 unit of a foreign currency (the rate on file for the date if not given).");
    private readonly Option<string?> _memo = new("--memo") { Description = "A note kept with the entry.", HelpName = "TEXT" };

    public SaleOptions(string dateHelp = "The invoice date (today if not given).") => Date = Options.Date("--date", dateHelp);

    public Option<DateOnly?> Date { get; }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Date, _due, _lines, _from, _currency, _rate, _memo })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The lines as typed, from --line or --from (exactly one of them).</summary>
    public bool TryReadLines(ParseResult parsed, out LineSpec[] lines, out string error)
    {
        lines = parsed.GetValue(_lines) ?? [];
        var file = parsed.GetValue(_from);
        if (file is not null && lines.Length > 0)
        {
            error = "give the lines with --line or with --from FILE, not both";
            return false;
        }

        if (file is not null)
        {
            return LineSpec.TryRead(file, out lines, out error);
        }

        error = lines.Length == 0 ? $"an invoice needs at least one line; add --line \"{LineSpec.Shape}\", e.g. --line \"Consulting;100.00;GP\"" : string.Empty;
        return lines.Length > 0;
    }

    /// <summary>The invoice to post for <paramref name="customer"/>, with amounts checked in its currency.</summary>
    public Result<SaleDraft> Draft(ParseResult parsed, BooksRead scope, Customer customer, string number, DateOnly date, IEnumerable<LineSpec> lines)
    {
        var currency = parsed.GetValue(_currency) ?? customer.Currency;
        return Amounts.All(lines, line => Line(line, currency)).Map(saleLines => new SaleDraft(
            customer.Id,
            number,
            date,
            saleLines,
            parsed.GetValue(_due),
            currency,
            parsed.GetValue(_rate),
            Memo: parsed.GetValue(_memo)));
    }

    private static Result<SaleLine> Line(LineSpec line, Money.Currency currency)
    {
        AccountNumber? account = null;
        if (line.Account is { } typed)
        {
            if (!int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || typed.Length != 4)
            {
                return new InvalidInput("--line", $"'{typed}' is not an account number; give the revenue account's 4 digits, e.g. \"Consulting;100.00;GP;4020\"");
            }

            account = new AccountNumber(number);
        }

        return Amounts.Parse("--line", line.Amount, currency).Map(amount => new SaleLine(line.Description, amount, line.PostedTaxCode, account));
    }
}
