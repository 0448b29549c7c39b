using BillingBooks.Books.Accounts;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Settings;

/// <summary>A card the company accepts: receipts by it deposit to <see cref="DepositAccount"/> less <see cref="FeePercent"/>, which goes to <see cref="FeeAccount"/>.</summary>
public sealed record CreditCard(string Name, decimal FeePercent, AccountNumber FeeAccount, AccountNumber DepositAccount);

/// <summary>Credit Cards Accepted (SPEC 2.1): names are unique, case-insensitively.</summary>
public sealed class CreditCardsAccepted
{
    private readonly BooksRead _scope;

    internal CreditCardsAccepted(BooksRead scope) => _scope = scope;

    public IReadOnlyList<CreditCard> List() =>
        _scope.Query<(string Name, string Fee, long FeeAccount, long DepositAccount)>("SELECT name, fee_percent, fee_account, deposit_account FROM credit_card ORDER BY name")
            .Select(ToCard)
            .ToArray();

    public Result<CreditCard> Find(string name)
    {
        var row = _scope.QuerySingleOrDefault<(string Name, string Fee, long FeeAccount, long DepositAccount)?>(
            "SELECT name, fee_percent, fee_account, deposit_account FROM credit_card WHERE name = @Name COLLATE NOCASE", new { Name = name?.Trim() });
        return row is { } r ? ToCard(r) : new UnknownCreditCard(name ?? "");
    }

    public Result<CreditCard> Add(CreditCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        _scope.RequireWrite();
        var valid = Validate(card);
        if (!valid.IsOk)
        {
            return valid;
        }

        if (Find(card.Name).IsOk)
        {
            return new DuplicateName("credit card", card.Name.Trim());
        }

        _scope.Execute(
            "INSERT INTO credit_card (name, fee_percent, fee_account, deposit_account) VALUES (@Name, @Fee, @FeeAccount, @DepositAccount)",
            Parameters(card));
        return Find(card.Name);
    }

    /// <summary>Changes the card named <paramref name="name"/> (its name too).</summary>
    public Result<CreditCard> Update(string name, CreditCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        _scope.RequireWrite();
        if (!Find(name).IsOk)
        {
            return new UnknownCreditCard(name);
        }

        var valid = Validate(card);
        if (!valid.IsOk)
        {
            return valid;
        }

        if (!string.Equals(name.Trim(), card.Name.Trim(), StringComparison.OrdinalIgnoreCase) && Find(card.Name).IsOk)
        {
            return new DuplicateName("credit card", card.Name.Trim());
        }

        _scope.Execute(
            "UPDATE credit_card SET name = @Name, fee_percent = @Fee, fee_account = @FeeAccount, deposit_account = @DepositAccount WHERE name = @Old COLLATE NOCASE",
            new { card.Name, Fee = SqlFormats.Decimal(card.FeePercent), FeeAccount = card.FeeAccount.Value, DepositAccount = card.DepositAccount.Value, Old = name.Trim() });
        return Find(card.Name);
    }

    /// <summary>Removes a card; receipts already posted keep its name.</summary>
    public Result<Unit> Remove(string name)
    {
        _scope.RequireWrite();
        if (!Find(name).IsOk)
        {
            return new UnknownCreditCard(name);
        }

        _scope.Execute("DELETE FROM credit_card WHERE name = @Name COLLATE NOCASE", new { Name = name.Trim() });
        return Unit.Value;
    }

    private Result<CreditCard> Validate(CreditCard card)
    {
        if (string.IsNullOrWhiteSpace(card.Name))
        {
            return new InvalidInput("credit card name", "a card needs a name, e.g. \"Visa\".");
        }

        if (card.FeePercent is < 0m or > 100m)
        {
            return new InvalidInput("fee percent", $"{SqlFormats.Decimal(card.FeePercent)} is not a percentage; give a number from 0 to 100, e.g. 2.5.");
        }

        if (!_scope.Accounts.Get(card.FeeAccount).TryGetValue(out var fee, out var error))
        {
            return error;
        }

        if (fee.Type != AccountType.Expense)
        {
            return new WrongAccountType(card.FeeAccount.Value, "the card fee account", AccountTypes.Name(AccountType.Expense));
        }

        // The deposit account must take what a receipt deposits (ReceiptsJournal): else every receipt by the card fails.
        if (card.DepositAccount == _scope.Linked.AccountsReceivable)
        {
            return new CardDepositToReceivable(card.DepositAccount.Value);
        }

        if (!Ledger.CheckDepositAccount(_scope, card.DepositAccount).TryGetValue(out _, out error))
        {
            return error is NotADepositAccount ? new WrongAccountType(card.DepositAccount.Value, "the card deposit account", AccountTypes.Name(AccountType.Asset)) : error;
        }

        return card;
    }

    private static object Parameters(CreditCard card) =>
        new { Name = card.Name.Trim(), Fee = SqlFormats.Decimal(card.FeePercent), FeeAccount = card.FeeAccount.Value, DepositAccount = card.DepositAccount.Value };

    private static CreditCard ToCard((string Name, string Fee, long FeeAccount, long DepositAccount) r) =>
        new(r.Name, SqlFormats.Decimal(r.Fee), new AccountNumber(checked((int)r.FeeAccount)), new AccountNumber(checked((int)r.DepositAccount)));
}
