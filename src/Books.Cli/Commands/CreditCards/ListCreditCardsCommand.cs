using System.CommandLine;
using BillingBooks.Books.Cli.Output;
using BillingBooks.Books.Cli.Parsing;
using BillingBooks.Books.Settings;

namespace BillingBooks.Books.Cli.Commands.CreditCards;

internal static class ListCreditCardsCommand
{
    private const string Help = """
        Lists the credit cards accepted: each card's discount fee, the expense account the fee goes to and
        the account card receipts are deposited to.

        Example:
          books --file acme.books credit-cards list
        """;

    public static Command Create(CliContext cli)
    {
        var format = Options.Format();
        var command = new Command("list", Help) { format };
        command.SetAction(parsed => cli.Read(
            parsed,
            read => Result<IReadOnlyList<CreditCard>>.Ok(read.CreditCards.List()),
            cards =>
            {
                var grid = new Grid(new Column("Name"), Column.Amount("Fee %"), new Column("Fee account"), new Column("Deposit account"));
                foreach (var card in cards)
                {
                    grid.Add(card.Name, Text.Number(card.FeePercent), card.FeeAccount.ToString(), card.DepositAccount.ToString());
                }

                var json = cards.Select(c => new { name = c.Name, feePercent = Text.Number(c.FeePercent), feeAccount = c.FeeAccount.ToString(), depositAccount = c.DepositAccount.ToString() });
                return Show.Write(cli, parsed.GetValue(format), grid, json);
            }));
        return command;
    }
}
