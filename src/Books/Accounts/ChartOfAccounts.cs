using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Accounts;

/// <summary>The chart of accounts: numbers are unique, a used account is never deleted, only made inactive.</summary>
public sealed class ChartOfAccounts
{
    private readonly BooksRead _scope;

    internal ChartOfAccounts(BooksRead scope) => _scope = scope;

    public IReadOnlyList<Account> List(bool includeInactive = true) =>
        _scope.AccountMap.Values.Where(a => includeInactive || a.Active).OrderBy(a => a.Number.Value).ToArray();

    public Result<Account> Get(AccountNumber number) =>
        _scope.AccountMap.TryGetValue(number.Value, out var account) ? account : new UnknownAccount(number.Value);

    /// <summary>The account if a receipt may deposit to it, else why not (the receipts journal's rule).</summary>
    public Result<Account> ForDeposits(AccountNumber number) => Journals.Ledger.CheckDepositAccount(_scope, number);

    public Result<Account> Add(AccountNumber number, string name, AccountType type)
    {
        _scope.RequireWrite();
        var (low, high) = AccountTypes.Range(type);
        if (number.Value < low || number.Value > high)
        {
            return new AccountNumberOutOfRange(number.Value, AccountTypes.Name(type), low, high);
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return new InvalidInput("account name", "an account needs a name; give one with --name.");
        }

        if (_scope.AccountMap.ContainsKey(number.Value))
        {
            return new DuplicateAccountNumber(number.Value);
        }

        _scope.Execute("INSERT INTO account (number, name, type, active) VALUES (@Number, @Name, @Type, 1)", new { Number = number.Value, Name = name.Trim(), Type = AccountTypes.Name(type) });
        _scope.Invalidate();
        return Get(number);
    }

    public Result<Account> Rename(AccountNumber number, string name)
    {
        _scope.RequireWrite();
        if (string.IsNullOrWhiteSpace(name))
        {
            return new InvalidInput("account name", "an account needs a name; give one with --name.");
        }

        return Get(number).Then(_ =>
        {
            _scope.Execute("UPDATE account SET name = @Name WHERE number = @Number", new { Number = number.Value, Name = name.Trim() });
            _scope.Invalidate();
            return Get(number);
        });
    }

    /// <summary>Makes an account active or inactive. A linked account stays active.</summary>
    public Result<Account> SetActive(AccountNumber number, bool active)
    {
        _scope.RequireWrite();
        return Get(number).Then(_ =>
        {
            if (!active && LinkedRole(number) is { } role)
            {
                return new LinkedAccountInUse(number.Value, role);
            }

            _scope.Execute("UPDATE account SET active = @Active WHERE number = @Number", new { Number = number.Value, Active = active });
            _scope.Invalidate();
            return Get(number);
        });
    }

    /// <summary>Deletes an account nothing refers to; otherwise <see cref="AccountInUse"/> says what uses it.</summary>
    public Result<Unit> Delete(AccountNumber number)
    {
        _scope.RequireWrite();
        if (!Get(number).TryGetValue(out _, out var error))
        {
            return error;
        }

        if (LinkedRole(number) is { } role)
        {
            return new LinkedAccountInUse(number.Value, role);
        }

        if (Use(number) is { } use)
        {
            return new AccountInUse(number.Value, use);
        }

        _scope.Execute("DELETE FROM account WHERE number = @Number", new { Number = number.Value });
        _scope.Invalidate();
        return Unit.Value;
    }

    internal static Dictionary<int, Account> Load(BooksRead scope) =>
        scope.Query<(long Number, string Name, string Type, long Active)>("SELECT number, name, type, active FROM account")
            .Select(r => new Account(new AccountNumber(checked((int)r.Number)), r.Name, AccountTypes.Parse(r.Type), r.Active != 0))
            .ToDictionary(a => a.Number.Value);

    private string? LinkedRole(AccountNumber number) =>
        Enum.GetValues<LinkedAccount>().Where(r => _scope.Linked[r] == number).Select(LinkedAccounts.Describe).FirstOrDefault();

    private string? Use(AccountNumber number)
    {
        var uses = new (string Sql, string What)[]
        {
            ("SELECT EXISTS (SELECT 1 FROM account_day WHERE account = @N)", "it has postings"),
            ("SELECT EXISTS (SELECT 1 FROM tax WHERE account = @N)", "a tax is tracked in it"),
            ("SELECT EXISTS (SELECT 1 FROM credit_card WHERE fee_account = @N OR deposit_account = @N)", "a credit card accepted uses it"),
            ("SELECT EXISTS (SELECT 1 FROM customer WHERE revenue_account = @N)", "a customer's default revenue account"),
            ("SELECT EXISTS (SELECT 1 FROM invoice_line WHERE account = @N)", "invoice lines use it"),
        };
        return uses.Where(u => _scope.Scalar<long>(u.Sql, new { N = number.Value }) != 0).Select(u => u.What).FirstOrDefault();
    }
}
