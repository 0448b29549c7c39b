using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;

namespace BillingBooks.Books.Cli.Commands.CreditCards;

internal static class EditCreditCardCommand
{
    private const string Help = """
        Changes a credit card accepted; give only what changes. Receipts already posted keep their amounts.

        Example:
          books --file acme.books credit-cards edit Visa --fee 2.75
        """;

    public static Command Create(CliContext cli)
    {
        var name = new Argument<string>("NAME") { Description = "The card to change." };
        var newName = new Option<string?>("--name") { Description = "A new name for the card.", HelpName = "NAME" };
        var fee = Options.Decimal("--fee", "PERCENT", "The discount fee in percent.");
        var feeAccount = Options.Account("--fee-account", "The expense account the fee goes to.");
        var depositAccount = Options.Account("--deposit-account", "The asset account card receipts are deposited to.");
        var command = new Command("edit", Help) { name, newName, fee, feeAccount, depositAccount };
        command.SetAction(parsed => cli.Write(
            parsed,
            write => write.CreditCards.Find(parsed.GetRequiredValue(name)).Then(card => write.CreditCards.Update(card.Name, card with
            {
                Name = parsed.GetValue(newName) ?? card.Name,
                FeePercent = parsed.GetValue(fee) ?? card.FeePercent,
                FeeAccount = parsed.GetValue(feeAccount) ?? card.FeeAccount,
                DepositAccount = parsed.GetValue(depositAccount) ?? card.DepositAccount,
            })),
            card => cli.Said($"Credit card {card.Name}: fee {Text.Number(card.FeePercent)}% to {card.FeeAccount}, deposits to {card.DepositAccount}.")));
        return command;
    }
}
