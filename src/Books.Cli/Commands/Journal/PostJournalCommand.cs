using System.CommandLine;
using BillingBooks.Books.Accounts;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Journals;

namespace BillingBooks.Books.Cli.Commands.Journal;

internal static class PostJournalCommand
{
    private const string Help = """
        Posts a general journal entry in the home currency: any balanced entry of at least two lines, each
        a debit or a credit above zero. Accounts Receivable is posted only by sales and receipts.

        Example:
          books --file acme.books journal post --date 2026-01-01 --memo "Owner's investment" \
            --debit 1060=5000.00 --credit 3010=5000.00
        """;

    public static Command Create(CliContext cli)
    {
        var debits = Pair.Option("--debit", '=', "ACCOUNT=AMOUNT", "1060=5000.00", "A debit line.");
        var credits = Pair.Option("--credit", '=', "ACCOUNT=AMOUNT", "3010=5000.00", "A credit line.");
        var date = Options.Date("--date", "The entry's date (today if not given).");
        var memo = new Option<string?>("--memo") { Description = "What the entry is for.", HelpName = "TEXT" };
        var command = new Command("post", Help) { date, memo, debits, credits };
        command.SetAction(parsed => cli.Write(
            parsed,
            write =>
            {
                var home = write.Settings.Get().HomeCurrency;
                var typed = parsed.GetRequiredValue(debits).Select(p => (Option: "--debit", Pair: p, Sign: 1))
                    .Concat(parsed.GetRequiredValue(credits).Select(p => (Option: "--credit", Pair: p, Sign: -1)));
                return Amounts.All(typed, line => Line(line.Option, line.Pair, line.Sign, home))
                    .Map(lines => new GeneralEntryDraft(parsed.GetValue(date) ?? cli.Today, parsed.GetValue(memo) ?? string.Empty, lines))
                    .Then(draft => write.General.Post(draft).Map(entry => (Entry: entry, Draft: draft)));
            },
            posted => cli.Said($"Posted entry {posted.Entry} dated {Text.Iso(posted.Draft.Date)}: {posted.Draft.Lines.Count} lines, {Money.Money.Sum(posted.Draft.Lines.Where(l => l.Amount.IsPositive).Select(l => l.Amount), posted.Draft.Lines[0].Amount.Currency).ToDecimalString()} each side.")));
        return command;
    }

    private static Result<GeneralLine> Line(string option, Pair pair, int sign, Money.Currency home)
    {
        if (pair.Key.Length != 4 || !int.TryParse(pair.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return new InvalidInput(option, $"'{pair.Key}' is not an account number; write {option} ACCOUNT=AMOUNT with the account's 4 digits, e.g. {option} 1060=100.00");
        }

        // The option says the side: a negative amount would silently post to the other one.
        return Amounts.Parse(option, pair.Value, home).Then<GeneralLine>(amount =>
        {
            if (amount.IsNegative)
            {
                var other = sign > 0 ? "--credit" : "--debit";
                return new InvalidInput(option, $"{pair.Value} for account {pair.Key} is below zero; give a debit or a credit above zero, e.g. {other} {pair.Key}={(-amount).ToDecimalString()} to post it on the other side");
            }

            return (Result<GeneralLine>)(sign > 0
                ? GeneralLine.Debit(new AccountNumber(number), amount)
                : GeneralLine.Credit(new AccountNumber(number), amount));
        });
    }
}
