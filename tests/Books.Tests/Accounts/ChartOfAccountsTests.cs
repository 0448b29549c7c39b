using BillingBooks.Books.Accounts;
using BillingBooks.Books.Journals;
using static BillingBooks.Books.Tests.TestCompany;

namespace BillingBooks.Books.Tests.Accounts;

public class ChartOfAccountsTests
{
    [Fact]
    public void Added_account_is_listed_active()
    {
        using var company = new TestCompany();
        var account = company.Ok(w => w.Accounts.Add(new(4500), "Consulting Revenue", AccountType.Revenue));
        Assert.Equal(new Account(new(4500), "Consulting Revenue", AccountType.Revenue, true), account);
        Assert.Contains(account, company.Read(r => r.Accounts.List()));
    }

    [Theory]
    [InlineData(4500, AccountType.Asset)]
    [InlineData(1500, AccountType.Expense)]
    [InlineData(999, AccountType.Asset)]
    [InlineData(10000, AccountType.Expense)]
    public void Account_number_must_be_in_its_type_range(int number, AccountType type)
    {
        using var company = new TestCompany();
        var error = Assert.IsType<AccountNumberOutOfRange>(company.Write(w => w.Accounts.Add(new(number), "X", type)).Error);
        Assert.Contains("Pick a number in that range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Account_numbers_are_unique()
    {
        using var company = new TestCompany();
        Assert.IsType<DuplicateAccountNumber>(company.Write(w => w.Accounts.Add(new(1060), "Another bank", AccountType.Asset)).Error);
    }

    [Fact]
    public void Unknown_account_message_says_how_to_fix_it()
    {
        using var company = new TestCompany();
        var error = company.Read(r => r.Accounts.Get(new(4999))).Error;
        Assert.Equal("Account 4999 does not exist. List accounts with `books accounts list` or add it with `books accounts add 4999 --name ... --type revenue`.", error.Message);
    }

    [Fact]
    public void Unused_account_can_be_deleted()
    {
        using var company = new TestCompany();
        company.Ok(w => w.Accounts.Delete(new(5600)));
        Assert.IsType<UnknownAccount>(company.Read(r => r.Accounts.Get(new(5600))).Error);
    }

    [Fact]
    public void Used_account_cannot_be_deleted_only_made_inactive()
    {
        using var company = new TestCompany();
        company.Ok(w => w.General.Post(new(Day(2, 1), "Rent", [GeneralLine.Debit(new(5200), Cad(500m)), GeneralLine.Credit(new(1060), Cad(500m))])));

        var error = Assert.IsType<AccountInUse>(company.Write(w => w.Accounts.Delete(new(5200))).Error);
        Assert.Contains("it has postings", error.Message, StringComparison.Ordinal);

        var inactive = company.Ok(w => w.Accounts.SetActive(new(5200), false));
        Assert.False(inactive.Active);
        Assert.DoesNotContain(company.Read(r => r.Accounts.List(includeInactive: false)), a => a.Number.Value == 5200);
    }

    [Fact]
    public void Tax_account_cannot_be_deleted()
    {
        using var company = new TestCompany();
        Assert.IsType<AccountInUse>(company.Write(w => w.Accounts.Delete(new(2340))).Error);
    }

    [Fact]
    public void Linked_account_cannot_be_deleted_or_made_inactive()
    {
        using var company = new TestCompany();
        Assert.IsType<LinkedAccountInUse>(company.Write(w => w.Accounts.Delete(new(1200))).Error);
        Assert.IsType<LinkedAccountInUse>(company.Write(w => w.Accounts.SetActive(new(1060), false)).Error);
    }

    [Fact]
    public void Posting_to_an_inactive_account_is_refused()
    {
        using var company = new TestCompany();
        company.Ok(w => w.Accounts.SetActive(new(5200), false));
        var result = company.Write(w => w.General.Post(new(Day(2, 1), "Rent", [GeneralLine.Debit(new(5200), Cad(1m)), GeneralLine.Credit(new(1060), Cad(1m))])));
        Assert.IsType<InactiveAccount>(result.Error);
    }

    [Fact]
    public void Renaming_keeps_the_number()
    {
        using var company = new TestCompany();
        Assert.Equal("Main Chequing", company.Ok(w => w.Accounts.Rename(new(1060), "Main Chequing")).Name);
    }

    [Fact]
    public void Linked_accounts_default_and_must_have_the_right_type()
    {
        using var company = new TestCompany();
        var linked = company.Read(r => r.LinkedAccounts.Get());
        Assert.Equal(new AccountNumber(1200), linked.AccountsReceivable);
        Assert.Equal(new AccountNumber(4020), linked.DefaultRevenue);
        Assert.Equal(new AccountNumber(1060), linked.PrincipalBank);
        Assert.Equal(new AccountNumber(5040), linked.ExchangeGainLoss);
        Assert.Equal(new AccountNumber(5050), linked.Rounding);

        Assert.IsType<WrongAccountType>(company.Write(w => w.LinkedAccounts.Set(LinkedAccount.DefaultRevenue, new(1060))).Error);
        Assert.Equal(new AccountNumber(4200), company.Ok(w => w.LinkedAccounts.Set(LinkedAccount.DefaultRevenue, new(4200))).DefaultRevenue);
    }

    [Fact]
    public void Receivables_and_earnings_roles_each_need_an_account_of_their_own()
    {
        using var company = new TestCompany();
        var before = company.Snapshot();

        var earnings = Assert.IsType<LinkedAccountTaken>(company.Write(w => w.LinkedAccounts.Set(LinkedAccount.CurrentEarnings, new(3560))).Error);
        Assert.Equal("Account 3560 is already the Retained Earnings linked account, and Current Earnings needs an account of its own. Pick another account.", earnings.Message);
        Assert.IsType<LinkedAccountTaken>(company.Write(w => w.LinkedAccounts.Set(LinkedAccount.AccountsReceivable, new(1060))).Error);
        Assert.IsType<LinkedAccountTaken>(company.Write(w => w.LinkedAccounts.Set(LinkedAccount.PrincipalBank, new(1200))).Error);
        Assert.Equal(before, company.Snapshot());

        // Roles with no control over a balance may share: exchange differences and rounding in one expense account.
        Assert.Equal(new AccountNumber(5040), company.Ok(w => w.LinkedAccounts.Set(LinkedAccount.Rounding, new(5040))).Rounding);
    }

    [Fact]
    public void Accounts_Receivable_cannot_move_once_it_has_postings()
    {
        using var company = new TestCompany();
        var acme = company.AddCustomer("Acme");
        company.Ok(w => w.Sales.Post(new(acme.Id, "1", Day(2, 1), [new("x", Cad(100m))])));
        company.Ok(w => w.Accounts.Add(new(1210), "Receivables Two", AccountType.Asset));

        var error = Assert.IsType<ControlAccountHasPostings>(company.Write(w => w.LinkedAccounts.Set(LinkedAccount.AccountsReceivable, new(1210))).Error);
        Assert.Equal("Accounts Receivable (1200) already has postings, so it cannot move to 1210: customer balances live in it.", error.Message);
    }

    [Theory]
    [InlineData(1999, "asset")]
    [InlineData(2450, "liability")]
    [InlineData(3999, "equity")]
    [InlineData(4050, "revenue")]
    [InlineData(5999, "expense")]
    public void An_unknown_account_is_suggested_with_the_type_its_number_range_belongs_to(int number, string type)
    {
        using var company = new TestCompany();
        var error = Assert.IsType<UnknownAccount>(company.Write(w => w.General.Post(new(Day(2, 1), "x", [GeneralLine.Debit(new(number), Cad(1m)), GeneralLine.Credit(new(3010), Cad(1m))]))).Error);
        Assert.Equal($"Account {number} does not exist. List accounts with `books accounts list` or add it with `books accounts add {number} --name ... --type {type}`.", error.Message);
    }
}
