using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Accounts;

/// <summary>Which account each linked role uses (SPEC 2.1), with the account type each role needs.</summary>
public sealed class LinkedAccounts
{
    private readonly BooksRead _scope;

    internal LinkedAccounts(BooksRead scope) => _scope = scope;

    public LinkedAccountSettings Get() => _scope.Linked;

    public Result<LinkedAccountSettings> Set(LinkedAccount role, AccountNumber number)
    {
        _scope.RequireWrite();
        if (!_scope.Accounts.Get(number).TryGetValue(out var account, out var error))
        {
            return error;
        }

        if (!account.Active)
        {
            return new InactiveAccount(number.Value);
        }

        var expected = Expected(role);
        if (!expected.Contains(account.Type))
        {
            return new WrongAccountType(number.Value, Describe(role), string.Join(" or ", expected.Select(AccountTypes.Name)));
        }

        // The control and earnings accounts carry balances the reports derive from: sharing one with another
        // role would count it twice (or drop it), so they stand alone.
        foreach (var (other, used) in Roles(_scope.Linked))
        {
            if (other != role && used == number && (Exclusive.Contains(role) || Exclusive.Contains(other)))
            {
                return new LinkedAccountTaken(number.Value, Describe(role), Describe(other));
            }
        }

        var current = _scope.Linked.AccountsReceivable;
        if (role == LinkedAccount.AccountsReceivable && current != number
            && _scope.Scalar<long>("SELECT EXISTS (SELECT 1 FROM posting WHERE account = @Account)", new { Account = current.Value }) == 1)
        {
            return new ControlAccountHasPostings(Describe(role), current.Value, number.Value);
        }

        _scope.Execute("UPDATE linked_account SET account = @Account WHERE role = @Role", new { Account = number.Value, Role = role.ToString() });
        _scope.Invalidate();
        return _scope.Linked;
    }

    private static readonly LinkedAccount[] Exclusive = [LinkedAccount.AccountsReceivable, LinkedAccount.RetainedEarnings, LinkedAccount.CurrentEarnings];

    private static IEnumerable<(LinkedAccount Role, AccountNumber Account)> Roles(LinkedAccountSettings s) =>
    [
        (LinkedAccount.AccountsReceivable, s.AccountsReceivable),
        (LinkedAccount.DefaultRevenue, s.DefaultRevenue),
        (LinkedAccount.PrincipalBank, s.PrincipalBank),
        (LinkedAccount.ExchangeGainLoss, s.ExchangeGainLoss),
        (LinkedAccount.Rounding, s.Rounding),
        (LinkedAccount.RetainedEarnings, s.RetainedEarnings),
        (LinkedAccount.CurrentEarnings, s.CurrentEarnings),
    ];

    /// <summary>How a role is named in messages: "Accounts Receivable", "Default Revenue", ...</summary>
    public static string Describe(LinkedAccount role) => role switch
    {
        LinkedAccount.AccountsReceivable => "Accounts Receivable",
        LinkedAccount.DefaultRevenue => "Default Revenue",
        LinkedAccount.PrincipalBank => "Principal Bank",
        LinkedAccount.ExchangeGainLoss => "Exchange Gain/Loss",
        LinkedAccount.Rounding => "Rounding",
        LinkedAccount.RetainedEarnings => "Retained Earnings",
        LinkedAccount.CurrentEarnings => "Current Earnings",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    internal static LinkedAccountSettings Load(BooksRead scope)
    {
        var map = scope.Query<(string Role, long Account)>("SELECT role, account FROM linked_account")
            .ToDictionary(r => Enum.Parse<LinkedAccount>(r.Role), r => new AccountNumber(checked((int)r.Account)));
        return new LinkedAccountSettings(
            map[LinkedAccount.AccountsReceivable],
            map[LinkedAccount.DefaultRevenue],
            map[LinkedAccount.PrincipalBank],
            map[LinkedAccount.ExchangeGainLoss],
            map[LinkedAccount.Rounding],
            map[LinkedAccount.RetainedEarnings],
            map[LinkedAccount.CurrentEarnings]);
    }

    private static AccountType[] Expected(LinkedAccount role) => role switch
    {
        LinkedAccount.AccountsReceivable or LinkedAccount.PrincipalBank => [AccountType.Asset],
        LinkedAccount.DefaultRevenue => [AccountType.Revenue],
        LinkedAccount.ExchangeGainLoss or LinkedAccount.Rounding => [AccountType.Expense, AccountType.Revenue],
        LinkedAccount.RetainedEarnings or LinkedAccount.CurrentEarnings => [AccountType.Equity],
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
