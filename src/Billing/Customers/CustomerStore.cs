using System.Globalization;
using System.Text.Json;
using BillingBooks.Billing.Changes;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Customers;

/// <summary>Customers in SQL. Every query takes the account first; another account's customer is simply not found.</summary>
public static class CustomerStore
{
    private const string ById = "SELECT doc FROM customers WHERE account_id = @account AND id = @id AND deleted = 0";

    public static async Task<CustomerResponse?> GetAsync(Session session, AccountId account, CustomerId id)
    {
        ArgumentNullException.ThrowIfNull(session);
        var doc = await session.QuerySingleOrDefaultAsync<string>(ById, ByIdParameters(account, id)).ConfigureAwait(false);
        return doc is null ? null : JsonSerializer.Deserialize<CustomerResponse>(doc, Json.Options);
    }

    /// <summary><see cref="GetAsync"/>'s query, to read it with the account's lock.</summary>
    public static ReadAhead ReadAheadGet(AccountId account, CustomerId id) => new(ById, ByIdParameters(account, id), typeof(string));

    private static object ByIdParameters(AccountId account, CustomerId id) => new { account = account.Value, id = id.Value };

    public static async Task<(IReadOnlyList<CustomerResponse> Items, int Total)> ListAsync(Session session, AccountId account, string? search, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(session);
        // Accents and case ignored (CustomerSearchKey); % and _ are searched as typed, not as LIKE's wildcards.
        var pattern = string.IsNullOrWhiteSpace(search) ? null : "%" + EscapeLike(CustomerSearchKey.Of(search)) + "%";
        const string where = "WHERE account_id = @account AND deleted = 0 AND (@pattern IS NULL OR search_key LIKE @pattern ESCAPE '\\')";
        var parameters = new { account = account.Value, pattern, offset, limit };
        var total = await session.QuerySingleAsync<long>($"SELECT COUNT(*) FROM customers {where}", parameters).ConfigureAwait(false);
        var docs = await session.QueryAsync<string>($"SELECT doc FROM customers {where} ORDER BY name_key, id LIMIT @limit OFFSET @offset", parameters).ConfigureAwait(false);
        return (docs.Select(d => JsonSerializer.Deserialize<CustomerResponse>(d, Json.Options)!).ToArray(), checked((int)total));
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public static async Task<bool> NameTakenAsync(Session session, AccountId account, string name, CustomerId? except)
    {
        ArgumentNullException.ThrowIfNull(session);
        var id = await session.QuerySingleOrDefaultAsync<long?>(
            "SELECT id FROM customers WHERE account_id = @account AND name_key = @key AND deleted = 0 AND id <> @except",
            new { account = account.Value, key = CustomerRules.NameKey(name), except = except?.Value ?? 0 }).ConfigureAwait(false);
        return id is not null;
    }

    public static async Task<CustomerResponse> InsertAsync(AccountWrite write, CustomerRequest valid)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(valid);
        var id = await write.QuerySingleAsync<long>(
            "INSERT INTO customers (account_id, name, name_key, search_key, deleted, version, doc) VALUES (@account, @name, @key, @searchKey, 0, 1, '{}') RETURNING id",
            new { account = write.Account.Value, name = valid.Name, key = CustomerRules.NameKey(valid.Name!), searchKey = CustomerSearchKey.Of(valid.Name!) }).ConfigureAwait(false);
        var customer = ToResponse(new CustomerId(id), valid, 1);
        await SaveAsync(write, customer, deleted: false).ConfigureAwait(false);
        return customer;
    }

    public static async Task<CustomerResponse> UpdateAsync(AccountWrite write, CustomerResponse current, CustomerRequest valid)
    {
        ArgumentNullException.ThrowIfNull(current);
        var customer = ToResponse(new CustomerId(long.Parse(current.Id, CultureInfo.InvariantCulture)), valid, current.Version + 1);
        await SaveAsync(write, customer, deleted: false).ConfigureAwait(false);
        return customer;
    }

    public static async Task DeleteAsync(AccountWrite write, CustomerResponse current)
    {
        ArgumentNullException.ThrowIfNull(current);
        await SaveAsync(write, current with { Version = current.Version + 1 }, deleted: true).ConfigureAwait(false);
    }

    public static CustomerDocument ToDocument(CustomerResponse c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new CustomerDocument(c.Id, c.Name, c.Address, c.Phone, c.Fax, c.Website, c.Language, c.Currency, c.Contacts);
    }

    private static CustomerResponse ToResponse(CustomerId id, CustomerRequest v, int version) =>
        new(id.ToString(), v.Name!, v.Address!, v.Phone, v.Fax, v.Website, v.Language, v.Currency!, v.Contacts ?? [], v.Taxes, version);

    private static async Task SaveAsync(AccountWrite write, CustomerResponse customer, bool deleted)
    {
        var id = long.Parse(customer.Id, CultureInfo.InvariantCulture);
        await write.ExecuteAsync(
            "UPDATE customers SET name = @name, name_key = @key, search_key = @searchKey, deleted = @deleted, version = @version, doc = @doc WHERE account_id = @account AND id = @id",
            new
            {
                account = write.Account.Value,
                id,
                name = customer.Name,
                key = CustomerRules.NameKey(customer.Name),
                searchKey = CustomerSearchKey.Of(customer.Name),
                deleted = deleted ? 1L : 0L,
                version = (long)customer.Version,
                doc = JsonSerializer.Serialize(customer, Json.Options),
            }).ConfigureAwait(false);
        await Feed.WriteAsync(write, ChangeKinds.Customer, id, deleted, ToDocument(customer)).ConfigureAwait(false);
    }
}
