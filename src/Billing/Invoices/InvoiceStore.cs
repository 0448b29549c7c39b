using System.Globalization;
using System.Text.Json;
using BillingBooks.Billing.Changes;
using BillingBooks.Billing.Contracts;
using BillingBooks.Billing.Storage;
using BillingBooks.Billing.Web;

namespace BillingBooks.Billing.Invoices;

/// <summary>A stored invoice with the payments applied to it.</summary>
public sealed record StoredInvoice(InvoiceState State, long Paid, long Total);

/// <summary>Invoices and quotes in SQL; every query takes the account first.</summary>
public static class InvoiceStore
{
    public static async Task<StoredInvoice?> GetAsync(Session session, AccountId account, string kind, InvoiceId id)
    {
        ArgumentNullException.ThrowIfNull(session);
        var row = await session.QuerySingleOrDefaultAsync<Row>(
            "SELECT id AS Id, doc AS Doc, paid AS Paid, total AS Total FROM invoices WHERE account_id = @account AND kind = @kind AND id = @id AND deleted = 0",
            new { account = account.Value, kind, id = id.Value }).ConfigureAwait(false);
        return row is null ? null : new StoredInvoice(Parse(row.Doc) with { Id = row.Id }, row.Paid, row.Total);
    }

    public static async Task<(IReadOnlyList<StoredInvoice> Items, int Total)> ListAsync(
        Session session, AccountId account, string kind, InvoiceFilter filter, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(filter);
        const string where =
            "WHERE account_id = @account AND kind = @kind AND deleted = 0 " +
            "AND (@status IS NULL OR status = @status) AND (@customer IS NULL OR customer_id = @customer) " +
            "AND (@today IS NULL OR (status IN ('sent', 'changed', 'partly_paid') AND due_date <= @today)) " +
            "AND (@from IS NULL OR date >= @from) AND (@to IS NULL OR date <= @to) AND (@number IS NULL OR number_key = @number)";
        var parameters = new
        {
            account = account.Value,
            kind,
            status = filter.Status,
            customer = filter.CustomerId,
            today = filter.PastDueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            from = filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to = filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            number = filter.Number is null ? null : NumberKey(filter.Number),
            offset,
            limit,
        };
        var total = await session.QuerySingleAsync<long>($"SELECT COUNT(*) FROM invoices {where}", parameters).ConfigureAwait(false);
        var rows = await session.QueryAsync<Row>(
            $"SELECT id AS Id, doc AS Doc, paid AS Paid, total AS Total FROM invoices {where} ORDER BY date DESC, id DESC LIMIT @limit OFFSET @offset", parameters).ConfigureAwait(false);
        return (rows.Select(r => new StoredInvoice(Parse(r.Doc) with { Id = r.Id }, r.Paid, r.Total)).ToArray(), checked((int)total));
    }

    public static async Task<bool> NumberTakenAsync(Session session, AccountId account, string kind, string number, long exceptId)
    {
        ArgumentNullException.ThrowIfNull(session);
        var id = await session.QuerySingleOrDefaultAsync<long?>(
            "SELECT id FROM invoices WHERE account_id = @account AND kind = @kind AND number_key = @key AND id <> @exceptId",
            new { account = account.Value, kind, key = NumberKey(number), exceptId }).ConfigureAwait(false);
        return id is not null;
    }

    /// <summary>SPEC 1.4: the last number + 1, skipping numbers taken; invoices and quotes count separately.</summary>
    public static async Task<string> NextNumberAsync(Session session, AccountId account, string kind)
    {
        ArgumentNullException.ThrowIfNull(session);
        var last = await session.QuerySingleAsync<long>(LastNumber, LastNumberParameters(account, kind)).ConfigureAwait(false);
        // Never taken: every number made of digits, typed or not, has its number_value, so none is above the max.
        return (last + 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary><see cref="NextNumberAsync"/>'s query, to read it with the account's lock.</summary>
    public static ReadAhead ReadAheadNextNumber(AccountId account, string kind) => new(LastNumber, LastNumberParameters(account, kind), typeof(long));

    private const string LastNumber = "SELECT COALESCE(MAX(number_value), 0) FROM invoices WHERE account_id = @account AND kind = @kind";

    private static object LastNumberParameters(AccountId account, string kind) => new { account = account.Value, kind };

    /// <summary>PostgreSQL: the id a new invoice will have, from its column's sequence.</summary>
    public static ReadAhead ReadAheadNewId() => new(NewId, NoParameters, typeof(long));

    private const string NewId = "SELECT nextval(pg_get_serial_sequence('invoices', 'id'))";

    private static readonly object NoParameters = new { };

    private const string InsertColumns =
        "account_id, kind, customer_id, number, number_key, number_value, status, date, due_date, currency, total, paid, deleted, revision, in_feed, doc";

    private const string InsertValues =
        "@account, @kind, @customer, @number, @key, @value, @status, @date, @due, @currency, @total, @paid, @deleted, @revision, @inFeed, @doc";

    public static async Task<InvoiceState> InsertAsync(AccountWrite write, InvoiceState state)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(state);
        if (write.Dialect == Dialect.Postgres)
        {
            // The id first (read with the lock when the caller asked for it), so that the insert can wait and travel with
            // the COMMIT: a create is then two round trips, the lock with its reads and the insert with the commit.
            var created = state with { Id = await write.QuerySingleAsync<long>(NewId, NoParameters).ConfigureAwait(false) };
            await write.DeferAsync($"INSERT INTO invoices (id, {InsertColumns}) VALUES (@id, {InsertValues})", Columns(write, created, paid: 0, deleted: false))
                .ConfigureAwait(false);
            return created;
        }

        // The id is not known yet: the id column is the truth (reads put it back into the state).
        var id = await write.QuerySingleAsync<long>(
            $"INSERT INTO invoices ({InsertColumns}) VALUES ({InsertValues}) RETURNING id", Columns(write, state, paid: 0, deleted: false)).ConfigureAwait(false);
        return state with { Id = id };
    }

    /// <summary>Saves the invoice, and when the feed shows it (sent at least once), its new document too.</summary>
    public static async Task SaveAsync(AccountWrite write, InvoiceState state, long paid, bool deleted = false)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(state);
        await write.ExecuteAsync(
            "UPDATE invoices SET customer_id = @customer, number = @number, number_key = @key, number_value = @value, status = @status, date = @date, " +
            "due_date = @due, currency = @currency, total = @total, paid = @paid, deleted = @deleted, revision = @revision, in_feed = @inFeed, doc = @doc " +
            "WHERE account_id = @account AND id = @id",
            Columns(write, state, paid, deleted)).ConfigureAwait(false);
        if (state.InFeed)
        {
            await Feed.WriteAsync(write, ChangeKinds.Invoice, state.Id, deleted, InvoiceViews.ToDocument(state, paid)).ConfigureAwait(false);
        }
    }

    /// <summary>Keeps the version being replaced (SPEC 1.4: editing a sent invoice creates a new version).</summary>
    public static Task KeepVersionAsync(AccountWrite write, InvoiceState previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(previous);
        return write.ExecuteAsync(
            "INSERT INTO invoice_versions (invoice_id, revision, account_id, saved_at, doc) VALUES (@id, @revision, @account, @now, @doc)",
            new { id = previous.Id, revision = (long)previous.Revision, account = write.Account.Value, now = now.ToString("O", CultureInfo.InvariantCulture), doc = Serialize(previous) });
    }

    public static async Task<IReadOnlyList<InvoiceState>> VersionsAsync(Session session, AccountId account, InvoiceId id)
    {
        ArgumentNullException.ThrowIfNull(session);
        var docs = await session.QueryAsync<string>(
            "SELECT doc FROM invoice_versions WHERE account_id = @account AND invoice_id = @id ORDER BY revision",
            new { account = account.Value, id = id.Value }).ConfigureAwait(false);
        return docs.Select(Parse).ToArray();
    }

    private static object Columns(AccountWrite write, InvoiceState state, long paid, bool deleted)
    {
        var total = state.Compute().Total.MinorUnits;
        return new
        {
            account = write.Account.Value,
            id = state.Id,
            kind = state.Kind,
            customer = state.CustomerId,
            number = state.Number,
            key = NumberKey(state.Number),
            value = NumberValue(state.Number),
            status = state.StatusWith(paid, total),
            date = Date(state.Date),
            due = Date(state.DueDate),
            currency = state.Currency,
            total,
            paid,
            deleted = deleted ? 1L : 0L,
            revision = (long)state.Revision,
            inFeed = state.InFeed ? 1L : 0L,
            doc = Serialize(state),
        };
    }

    public static string NumberKey(string number) => number.Trim().ToUpperInvariant();

    public static long? NumberValue(string number) =>
        number.Length is > 0 and <= 18 && number.All(char.IsAsciiDigit) ? long.Parse(number, CultureInfo.InvariantCulture) : null;

    public static string Serialize(InvoiceState state) => JsonSerializer.Serialize(state, Json.Options);

    public static InvoiceState Parse(string doc) => JsonSerializer.Deserialize<InvoiceState>(doc, Json.Options)!;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Row(long Id, string Doc, long Paid, long Total);
}

public sealed record InvoiceFilter(string? Status, long? CustomerId, DateOnly? PastDueOn, DateOnly? From, DateOnly? To, string? Number);
