namespace BillingBooks.Books.Accounts;

/// <summary>The roles Books posts to on its own (SPEC 2.1 linked accounts).</summary>
public enum LinkedAccount
{
    /// <summary>Sales debit it, receipts credit it; only those journals may post to it.</summary>
    AccountsReceivable,

    /// <summary>Revenue for sale lines whose customer has no default revenue account ("Track Sales").</summary>
    DefaultRevenue,

    /// <summary>Where cash and cheque receipts are deposited by default ("Track Customer Payments").</summary>
    PrincipalBank,

    ExchangeGainLoss,

    Rounding,

    RetainedEarnings,

    /// <summary>Computed (revenue less expenses of the fiscal year); nothing posts to it.</summary>
    CurrentEarnings,
}

/// <summary>The account linked to each role.</summary>
public sealed record LinkedAccountSettings(
    AccountNumber AccountsReceivable,
    AccountNumber DefaultRevenue,
    AccountNumber PrincipalBank,
    AccountNumber ExchangeGainLoss,
    AccountNumber Rounding,
    AccountNumber RetainedEarnings,
    AccountNumber CurrentEarnings)
{
    public AccountNumber this[LinkedAccount role] => role switch
    {
        LinkedAccount.AccountsReceivable => AccountsReceivable,
        LinkedAccount.DefaultRevenue => DefaultRevenue,
        LinkedAccount.PrincipalBank => PrincipalBank,
        LinkedAccount.ExchangeGainLoss => ExchangeGainLoss,
        LinkedAccount.Rounding => Rounding,
        LinkedAccount.RetainedEarnings => RetainedEarnings,
        LinkedAccount.CurrentEarnings => CurrentEarnings,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
