using BillingBooks.Books.Accounts;
using BillingBooks.Books.Storage;
using BillingBooks.Money;

namespace BillingBooks.Books.Customers;

/// <summary>Customers: names unique case-insensitively, external references unique.</summary>
public sealed class CustomerList
{
    private const string Columns = "id, name, contact, address, email, phone, revenue_account AS RevenueAccount, tax_code AS TaxCode, currency, " +
        "terms_days AS TermsDays, active, external_reference AS ExternalReference, deleted_in_billing AS DeletedInBilling";

    private readonly BooksRead _scope;

    internal CustomerList(BooksRead scope) => _scope = scope;

    public IReadOnlyList<Customer> List(bool includeInactive = true) =>
        _scope.Query<CustomerRow>($"SELECT {Columns} FROM customer {(includeInactive ? "" : "WHERE active = 1")} ORDER BY name COLLATE NOCASE")
            .Select(r => r.ToCustomer())
            .ToArray();

    public Result<Customer> Get(CustomerId id)
    {
        if (_scope.CustomerCache.TryGetValue(id.Value, out var cached))
        {
            return cached;
        }

        // A prepared statement: documents are posted one after another, each reading its customer.
        var customer = _scope.Prepared("SELECT id, name, contact, address, email, phone, revenue_account, tax_code, currency, terms_days, active, external_reference, deleted_in_billing FROM customer WHERE id = ?")
            .Add(id.Value)
            .First(r => new CustomerRow(
                r.Long(0), r.Text(1), r.NullableText(2), r.NullableText(3), r.NullableText(4), r.NullableText(5), r.NullableLong(6),
                r.NullableText(7), r.Text(8), r.Long(9), r.Long(10), r.NullableText(11), r.Long(12)).ToCustomer());
        if (customer is null)
        {
            return new UnknownCustomer("#" + id);
        }

        _scope.CustomerCache[id.Value] = customer;
        return customer;
    }

    // As typed too: a name stored decomposed by a Books before names were composed is still found as it reads.
    public Result<Customer> FindByName(string name) =>
        _scope.QuerySingleOrDefault<CustomerRow>(
            $"SELECT {Columns} FROM customer WHERE name = @Name COLLATE NOCASE OR name = @Typed COLLATE NOCASE ORDER BY name = @Name COLLATE NOCASE DESC LIMIT 1",
            new { Name = Canonical(name), Typed = name?.Trim() })?.ToCustomer() is { } customer
            ? customer
            : new UnknownCustomer($"named '{name}'");

    /// <summary>Whether any entry names the customer (its currency can no longer change).</summary>
    public bool HasEntries(CustomerId id) => _scope.Scalar<long>("SELECT EXISTS (SELECT 1 FROM entry WHERE customer_id = @Value)", new { id.Value }) != 0;

    /// <summary>The customer imported from <paramref name="reference"/> (e.g. a Billing id), or null.</summary>
    public Customer? FindByExternalReference(string reference) =>
        _scope.QuerySingleOrDefault<CustomerRow>($"SELECT {Columns} FROM customer WHERE external_reference = @Reference", new { Reference = reference })?.ToCustomer();

    public Result<Customer> Add(CustomerFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _scope.RequireWrite();
        var valid = Validate(fields, null);
        if (!valid.TryGetValue(out var f, out var error))
        {
            return error;
        }

        var id = _scope.Scalar<long>(
            "INSERT INTO customer (name, contact, address, email, phone, revenue_account, tax_code, currency, terms_days, external_reference) " +
            "VALUES (@Name, @Contact, @Address, @Email, @Phone, @Revenue, @TaxCode, @Currency, @TermsDays, @ExternalReference) RETURNING id",
            Parameters(f, 0));
        return Get(new CustomerId(id));
    }

    public Result<Customer> Update(CustomerId id, CustomerFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _scope.RequireWrite();
        if (!Get(id).TryGetValue(out var existing, out var missing))
        {
            return missing;
        }

        var valid = Validate(fields, id);
        if (!valid.TryGetValue(out var f, out var error))
        {
            return error;
        }

        var currency = f.Currency ?? _scope.Company.HomeCurrency;
        if (currency != existing.Currency && HasEntries(id))
        {
            return new InvalidInput("customer currency", $"'{existing.Name}' already has entries in {existing.Currency.Code}; keep {existing.Currency.Code}, or add a new customer for {currency.Code}.");
        }

        _scope.Execute(
            "UPDATE customer SET name = @Name, contact = @Contact, address = @Address, email = @Email, phone = @Phone, revenue_account = @Revenue, " +
            "tax_code = @TaxCode, currency = @Currency, terms_days = @TermsDays, external_reference = @ExternalReference WHERE id = @Id",
            Parameters(f, id.Value));
        return Get(id);
    }

    public Result<Customer> SetActive(CustomerId id, bool active) => Flag(id, "UPDATE customer SET active = @Value WHERE id = @Id", active);

    /// <summary>Marks a customer Billing deleted (or brings it back); the customer stays in Books either way.</summary>
    public Result<Customer> SetDeletedInBilling(CustomerId id, bool deleted) => Flag(id, "UPDATE customer SET deleted_in_billing = @Value WHERE id = @Id", deleted);

    /// <summary>What the customer owes, in home currency (booked values of open invoices).</summary>
    public Money.Money Balance(CustomerId id) =>
        Money.Money.FromMinorUnits(
            _scope.Scalar<long>("SELECT COALESCE(SUM(home_owing), 0) FROM invoice WHERE customer_id = @Value AND reversed = 0", new { id.Value }),
            _scope.Company.HomeCurrency);

    /// <summary>
    /// What the customer owes in its own currency (open invoices in that currency); null while it owes anything on
    /// invoices in another currency, which do not add into one sum.
    /// </summary>
    public Money.Money? BalanceInCustomerCurrency(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var owing = _scope.Query<(string Currency, long Owing)>(
            "SELECT currency, SUM(owing) FROM invoice WHERE customer_id = @Value AND reversed = 0 GROUP BY currency", new { customer.Id.Value }).ToArray();
        return owing.Any(o => o.Currency != customer.Currency.Code && o.Owing != 0)
            ? null
            : Money.Money.FromMinorUnits(owing.Where(o => o.Currency == customer.Currency.Code).Sum(o => o.Owing), customer.Currency);
    }

    private Result<Customer> Flag(CustomerId id, string sql, bool value)
    {
        _scope.RequireWrite();
        if (!Get(id).IsOk)
        {
            return Get(id);
        }

        _scope.Execute(sql, new { Id = id.Value, Value = value });
        return Get(id);
    }

    private Result<CustomerFields> Validate(CustomerFields fields, CustomerId? self)
    {
        if (string.IsNullOrWhiteSpace(fields.Name))
        {
            return new InvalidInput("customer name", "a customer needs a name, e.g. \"Acme Ltd.\".");
        }

        var sameName = FindByName(fields.Name);
        if (sameName.IsOk && sameName.Value.Id != self)
        {
            return new DuplicateName("customer", fields.Name.Trim());
        }

        if (fields.ExternalReference is { } reference && FindByExternalReference(reference) is { } other && other.Id != self)
        {
            return new DuplicateName("customer reference", reference);
        }

        if (fields.RevenueAccount is { } revenue)
        {
            if (!_scope.Accounts.Get(revenue).TryGetValue(out var account, out var error))
            {
                return error;
            }

            if (account.Type != AccountType.Revenue)
            {
                return new WrongAccountType(revenue.Value, "a customer's revenue account", "revenue");
            }
        }

        if (fields.TaxCode is { } code && !_scope.TaxCodes.Get(code).IsOk)
        {
            return new UnknownTaxCode(code);
        }

        if (fields.TermsDays is < 0 or > 3650)
        {
            return new InvalidInput("terms", $"{fields.TermsDays} days is not a payment term; give the days until an invoice is due, e.g. 30.");
        }

        if (fields.Currency is { } currency && !_scope.ExchangeRates.CheckForeign(currency).TryGetValue(out _, out var currencyError))
        {
            return currencyError;
        }

        return fields with { Name = Canonical(fields.Name)! };
    }

    /// <summary>
    /// A name as stored and looked up: trimmed, in composed Unicode (NFC), so "Café" typed with a combining accent is
    /// the same name as "Café" typed with é (they look alike; SQLite compares bytes).
    /// </summary>
    private static string? Canonical(string? name) => name?.Trim().Normalize(System.Text.NormalizationForm.FormC);

    private object Parameters(CustomerFields f, long id) => new
    {
        Id = id,
        f.Name,
        f.Contact,
        f.Address,
        f.Email,
        f.Phone,
        Revenue = f.RevenueAccount?.Value,
        TaxCode = f.TaxCode?.Trim(),
        Currency = (f.Currency ?? _scope.Company.HomeCurrency).Code,
        f.TermsDays,
        f.ExternalReference,
    };

    private sealed record CustomerRow(
        long Id, string Name, string? Contact, string? Address, string? Email, string? Phone, long? RevenueAccount,
        string? TaxCode, string Currency, long TermsDays, long Active, string? ExternalReference, long DeletedInBilling)
    {
        public Customer ToCustomer() => new(
            new CustomerId(Id), Name, Contact, Address, Email, Phone,
            RevenueAccount is { } r ? new AccountNumber(checked((int)r)) : null,
            TaxCode, Money.Currency.Get(Currency), checked((int)TermsDays), Active != 0, ExternalReference, DeletedInBilling != 0);
    }
}
