using BillingBooks.Books.Accounts;

namespace BillingBooks.Books.Cli.Commands.LinkedAccounts;

/// <summary>Linked-account roles as typed on the command line: accounts-receivable, default-revenue, ...</summary>
internal static class LinkedRoles
{
    public static string Name(LinkedAccount role) => role switch
    {
        LinkedAccount.AccountsReceivable => "accounts-receivable",
        LinkedAccount.DefaultRevenue => "default-revenue",
        LinkedAccount.PrincipalBank => "principal-bank",
        LinkedAccount.ExchangeGainLoss => "exchange-gain-loss",
        LinkedAccount.Rounding => "rounding",
        LinkedAccount.RetainedEarnings => "retained-earnings",
        LinkedAccount.CurrentEarnings => "current-earnings",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string All => string.Join(", ", Enum.GetValues<LinkedAccount>().Select(Name));

    public static bool TryParse(string text, out LinkedAccount role)
    {
        foreach (var candidate in Enum.GetValues<LinkedAccount>())
        {
            if (string.Equals(Name(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
