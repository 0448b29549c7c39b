using BillingBooks.Books.Accounts;
using BillingBooks.Books.Storage;

namespace BillingBooks.Books.Taxes;

/// <summary>The taxes the company charges (SPEC 2.2): unique names, each tracked in a liability account.</summary>
public sealed class SalesTaxes
{
    private readonly BooksRead _scope;

    internal SalesTaxes(BooksRead scope) => _scope = scope;

    public IReadOnlyList<Tax> List() => Rows().Select(r => r.Tax).ToArray();

    public Result<Tax> Get(string name) =>
        Rows().Select(r => r.Tax).FirstOrDefault(t => string.Equals(t.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } tax ? tax : new UnknownTax(name ?? "");

    public Result<Tax> Add(Tax tax)
    {
        ArgumentNullException.ThrowIfNull(tax);
        _scope.RequireWrite();
        var valid = Validate(tax);
        if (!valid.IsOk)
        {
            return valid;
        }

        if (Get(tax.Name).IsOk)
        {
            return new DuplicateName("tax", tax.Name.Trim());
        }

        _scope.Execute("INSERT INTO tax (name, account, taxable_by_others) VALUES (@Name, @Account, @Taxable)", new { Name = tax.Name.Trim(), Account = tax.Account.Value, Taxable = tax.TaxableByOtherTaxes });
        _scope.Invalidate();
        return Get(tax.Name);
    }

    /// <summary>Changes the tax named <paramref name="name"/>: its name, account or compound flag.</summary>
    public Result<Tax> Update(string name, Tax tax)
    {
        ArgumentNullException.ThrowIfNull(tax);
        _scope.RequireWrite();
        if (!Get(name).IsOk)
        {
            return new UnknownTax(name);
        }

        var valid = Validate(tax);
        if (!valid.IsOk)
        {
            return valid;
        }

        if (!string.Equals(name.Trim(), tax.Name.Trim(), StringComparison.OrdinalIgnoreCase) && Get(tax.Name).IsOk)
        {
            return new DuplicateName("tax", tax.Name.Trim());
        }

        if (tax.TaxableByOtherTaxes)
        {
            foreach (var code in _scope.TaxCodes.List().Where(c => c.Taxes.Any(t => string.Equals(t.TaxName, name.Trim(), StringComparison.OrdinalIgnoreCase))))
            {
                var others = code.Taxes.Where(t => !string.Equals(t.TaxName, name.Trim(), StringComparison.OrdinalIgnoreCase) && Get(t.TaxName).Value.TaxableByOtherTaxes).Select(t => t.TaxName).ToList();
                if (others.Count > 0)
                {
                    return TaxCodes.TwoTaxableByOthers(code.Code, [tax.Name.Trim(), .. others]);
                }
            }
        }

        _scope.Execute(
            "UPDATE tax SET name = @Name, account = @Account, taxable_by_others = @Taxable WHERE name = @Old COLLATE NOCASE",
            new { Name = tax.Name.Trim(), Account = tax.Account.Value, Taxable = tax.TaxableByOtherTaxes, Old = name.Trim() });
        _scope.Invalidate();
        return Get(tax.Name);
    }

    internal IReadOnlyList<(long Id, Tax Tax)> Rows() => _scope.TaxCache ??= Load();

    private (long Id, Tax Tax)[] Load() =>
        _scope.Query<(long Id, string Name, long Account, long Taxable)>("SELECT id, name, account, taxable_by_others FROM tax ORDER BY id")
            .Select(r => (r.Id, new Tax(r.Name, new AccountNumber(checked((int)r.Account)), r.Taxable != 0)))
            .ToArray();

    private Result<Tax> Validate(Tax tax)
    {
        if (string.IsNullOrWhiteSpace(tax.Name))
        {
            return new InvalidInput("tax name", "a tax needs a name, e.g. \"GST\".");
        }

        if (!_scope.Accounts.Get(tax.Account).TryGetValue(out var account, out var error))
        {
            return error;
        }

        return account.Type == AccountType.Liability ? tax : new WrongAccountType(tax.Account.Value, "a tax-charged account", "liability");
    }
}
