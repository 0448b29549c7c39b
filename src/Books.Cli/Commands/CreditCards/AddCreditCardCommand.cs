using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Settings;

namespace BillingBooks.Books.Cli.Commands.CreditCards;

internal static class AddCreditCardCommand
{
    private const string Help = """
        Adds a credit card the company accepts. A receipt by this card deposits the amount less the fee to
        the deposit account (an asset); the fee goes to the fee account (an expense).

        Example:
          books --file acme.books credit-cards add Visa --fee 2.5 --fee-account 5030 --deposit-account 1065
        """;

    public static Command Create(CliContext cli)
    {
        var name = new Argument<string>("NAME") { Description = "The card's name, e.g. Visa." };
        var fee = Options.Decimal("--fee", "PERCENT", "The discount fee in percent, e.g. 2.5.");
        fee.Required = true;
        var feeAccount = Options.Account("--fee-account", "The expense account the fee goes to.");
        feeAccount.Required = true;
        var depositAccount = Options.Account("--deposit-account", "The asset account card receipts are deposited to.");
        depositAccount.Required = true;
        var command = new Command("add", Help) { name, fee, feeAccount, depositAccount };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => write.CreditCards.Add(new CreditCard(
                parsed.GetRequiredValue(name),
                parsed.GetValue(fee) ?? 0m,
                parsed.GetValue(feeAccount) ?? default,
                parsed.GetValue(depositAccount) ?? default)),
            card => cli.Said($"Added credit card {card.Name}: fee {Text.Number(card.FeePercent)}% to {card.FeeAccount}, deposits to {card.DepositAccount}.")));
        return command;
    }
}
