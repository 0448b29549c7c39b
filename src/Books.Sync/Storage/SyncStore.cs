using System.Globalization;
using System.Text.Json;
using BillingBooks.Billing.Contracts;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Sync.Client;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Sync.Storage;

/// <summary>
/// Books.Sync's tables in the company file (migrations 0100-0199), always used inside the caller's
/// transaction so that entries, source references, conflicts and the cursor commit together.
/// </summary>
public sealed class SyncStore(SqliteConnection connection, SqliteTransaction transaction)
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    // What this transaction knows of sync_source (newest version; null = none) and sync_conflict (null = not
    // quarantined) per record: filled by Prefetch and lookups, dropped for a record when it is written, and
    // entirely (Forget) when a savepoint is rolled back.
    private readonly Dictionary<(string Dataset, RecordKey Record), ImportedVersion?> _latest = [];
    private readonly Dictionary<(string Dataset, RecordKey Record), ConflictState?> _conflicts = [];

    public SyncSettings Settings()
    {
        var row = connection.QuerySingle<SettingsRow>(
            """
            SELECT server, email, last_email AS lastEmail, mode, client_email AS clientEmail, track_sales AS trackSales,
                   track_payments AS trackPayments, paypal_account AS payPalAccount, other_payments_account AS otherPaymentsAccount,
                   dataset, cursor, first_synced_at AS firstSyncedAt, last_synced_at AS lastSyncedAt
            FROM sync_settings WHERE id = 1
            """, transaction: transaction);
        return new SyncSettings(row.Server, row.Email, row.LastEmail, row.Mode == "client" ? SyncMode.Client : SyncMode.Own, row.ClientEmail,
            ToInt(row.TrackSales), ToInt(row.TrackPayments), ToInt(row.PayPalAccount), ToInt(row.OtherPaymentsAccount),
            row.Dataset, row.Cursor, Instant(row.FirstSyncedAt), Instant(row.LastSyncedAt));
    }

    public void Save(SyncSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        connection.Execute(
            """
            UPDATE sync_settings SET server = @Server, email = @Email, last_email = @LastEmail, mode = @Mode, client_email = @ClientEmail,
                track_sales = @TrackSales, track_payments = @TrackPayments, paypal_account = @PayPalAccount,
                other_payments_account = @OtherPaymentsAccount, dataset = @Dataset, cursor = @Cursor,
                first_synced_at = @FirstSyncedAt, last_synced_at = @LastSyncedAt
            WHERE id = 1
            """,
            new
            {
                settings.Server, settings.Email, settings.LastEmail, Mode = settings.Mode == SyncMode.Client ? "client" : "own", settings.ClientEmail,
                settings.TrackSales, settings.TrackPayments, settings.PayPalAccount, settings.OtherPaymentsAccount, settings.Dataset, settings.Cursor,
                FirstSyncedAt = Text(settings.FirstSyncedAt), LastSyncedAt = Text(settings.LastSyncedAt),
            }, transaction);
    }

    public bool IsImported(SourceRef source) =>
        connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM sync_source WHERE dataset = @Dataset AND kind = @Kind AND record_id = @Id AND version = @Version",
            new { source.Dataset, source.Kind, source.Id, source.Version }, transaction) > 0;

    /// <summary>
    /// Reads, in two set-based queries (CROSS JOIN keeps the keys the outer loop: one primary-key search each), the newest imported version and the quarantine state of every record a page
    /// will look up (its records, their customers, the invoices its payments pay), so the per-record path asks the
    /// file only for what changed during the page.
    /// </summary>
    public void Prefetch(string dataset, IEnumerable<RecordKey> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        // One transaction may go through very many records (retrying every conflict): keep memory flat.
        if (_latest.Count > 20_000) Forget();
        var wanted = records.Distinct().Where(r => !_latest.ContainsKey((dataset, r)) || !_conflicts.ContainsKey((dataset, r))).ToList();
        if (wanted.Count == 0) return;
        foreach (var record in wanted)
        {
            _latest[(dataset, record)] = null;
            _conflicts[(dataset, record)] = null;
        }

        var keys = JsonSerializer.Serialize(wanted.Select(r => new[] { r.Kind, r.Id }));
        foreach (var row in connection.Query<(string Kind, string Id, long Version, long? BooksId, long? ReversalId, long Deleted)>(
            """
            SELECT s.kind, s.record_id, s.version, s.books_id, s.reversal_id, s.deleted
            FROM json_each(@keys) k CROSS JOIN sync_source s ON s.dataset = @dataset AND s.kind = k.value ->> 0 AND s.record_id = k.value ->> 1
            """, new { keys, dataset }, transaction))
        {
            var key = (dataset, new RecordKey(row.Kind, row.Id));
            if (_latest[key] is { } newer && newer.Version >= row.Version) continue;
            _latest[key] = ImportedVersion.Of(dataset, row.Kind, row.Id, row.Version, row.BooksId, row.ReversalId, row.Deleted);
        }

        // No conflict at all (as in most of a first sync): nothing to look up.
        if (ConflictCount() == 0) return;
        foreach (var row in connection.Query<(string Kind, string Id, long Version, string Label, string Problem)>(
            """
            SELECT c.kind, c.record_id, c.version, c.label, c.problem
            FROM json_each(@keys) k CROSS JOIN sync_conflict c ON c.dataset = @dataset AND c.kind = k.value ->> 0 AND c.record_id = k.value ->> 1
            """, new { keys, dataset }, transaction))
        {
            _conflicts[(dataset, new RecordKey(row.Kind, row.Id))] = new ConflictState(row.Version, row.Label, row.Problem);
        }
    }

    /// <summary>The newest imported version of a record, if any (the hot path: prefetched or a prepared statement, no payload).</summary>
    public ImportedVersion? Latest(string dataset, RecordKey record)
    {
        if (_latest.TryGetValue((dataset, record), out var known)) return known;
        var command = Prepared(
            "SELECT version, books_id, reversal_id, deleted FROM sync_source WHERE dataset = $dataset AND kind = $kind AND record_id = $id ORDER BY version DESC LIMIT 1",
            "$dataset", "$kind", "$id");
        command.Parameters[0].Value = dataset;
        command.Parameters[1].Value = record.Kind;
        command.Parameters[2].Value = record.Id;
        ImportedVersion? latest = null;
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read())
            {
                latest = ImportedVersion.Of(dataset, record.Kind, record.Id, reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1),
                    reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetInt64(3));
            }
        }

        _latest[(dataset, record)] = latest;
        return latest;
    }

    /// <summary>The feed item as imported for <paramref name="source"/>.</summary>
    public Change Payload(SourceRef source) =>
        JsonSerializer.Deserialize<Change>(
            connection.QuerySingle<string>(
                "SELECT p.payload FROM sync_source s JOIN sync_payload p ON p.id = s.payload_id WHERE s.dataset = @Dataset AND s.kind = @Kind AND s.record_id = @Id AND s.version = @Version",
                new { source.Dataset, source.Kind, source.Id, source.Version }, transaction), SyncClient.Json)
        ?? throw new InvalidOperationException($"Empty payload for {source}.");

    /// <summary>How a quarantined record is named and why it waits, if it is quarantined.</summary>
    public (string Label, string Problem)? ConflictReason(string dataset, RecordKey record) =>
        Conflict(dataset, record) is { } conflict ? (conflict.Label, conflict.Problem) : null;

    /// <summary>The version a record is quarantined at, if it is.</summary>
    public long? ConflictVersion(string dataset, RecordKey record) => Conflict(dataset, record)?.Version;

    private ConflictState? Conflict(string dataset, RecordKey record)
    {
        if (_conflicts.TryGetValue((dataset, record), out var known)) return known;
        var command = Prepared("SELECT version, label, problem FROM sync_conflict WHERE dataset = $dataset AND kind = $kind AND record_id = $id", "$dataset", "$kind", "$id");
        command.Parameters[0].Value = dataset;
        command.Parameters[1].Value = record.Kind;
        command.Parameters[2].Value = record.Id;
        ConflictState? conflict = null;
        using (var reader = command.ExecuteReader())
        {
            if (reader.Read()) conflict = new ConflictState(reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
        }

        _conflicts[(dataset, record)] = conflict;
        return conflict;
    }

    /// <summary>The imported version whose Books entry is <paramref name="entry"/>.</summary>
    public ImportedVersion? ByEntry(EntryId entry) =>
        connection.Query<(string Dataset, string Kind, string Id, long Version, long? BooksId, long? ReversalId, long Deleted)>(
            """
            SELECT dataset, kind, record_id, version, books_id, reversal_id, deleted
            FROM sync_source WHERE books_id = @Value AND kind <> 'customer' LIMIT 1
            """, new { entry.Value }, transaction)
            .Select(r => ImportedVersion.Of(r.Dataset, r.Kind, r.Id, r.Version, r.BooksId, r.ReversalId, r.Deleted))
            .FirstOrDefault();

    /// <summary>Records a version of a customer as imported: it is that Books customer.</summary>
    public void Imported(SourceRef source, CustomerId customer, bool deleted, string payloadJson, DateTimeOffset at) =>
        Insert(source, customer.Value, deleted, payloadJson, at);

    /// <summary>Records a version of an invoice or a payment as imported, posted as <paramref name="entry"/> (none when deleted, void or 0.00).</summary>
    public void Imported(SourceRef source, EntryId? entry, bool deleted, string payloadJson, DateTimeOffset at) =>
        Insert(source, entry?.Value, deleted, payloadJson, at);

    /// <summary>The unique key refuses a second import of a version.</summary>
    private void Insert(SourceRef source, long? booksId, bool deleted, string payloadJson, DateTimeOffset at)
    {
        Changing(_latest, source.Dataset, source.Record);
        var payload = Prepared("INSERT INTO sync_payload (payload) VALUES ($payload) RETURNING id", "$payload");
        payload.Parameters[0].Value = payloadJson;
        var payloadId = (long)payload.ExecuteScalar()!;
        var command = Prepared(
            "INSERT INTO sync_source (dataset, kind, record_id, version, books_id, deleted, payload_id, imported_at) VALUES ($dataset, $kind, $id, $version, $books, $deleted, $payload, $at)",
            "$dataset", "$kind", "$id", "$version", "$books", "$deleted", "$payload", "$at");
        command.Parameters[0].Value = source.Dataset;
        command.Parameters[1].Value = source.Kind;
        command.Parameters[2].Value = source.Id;
        command.Parameters[3].Value = source.Version;
        command.Parameters[4].Value = booksId is { } id ? id : DBNull.Value;
        command.Parameters[5].Value = deleted ? 1 : 0;
        command.Parameters[6].Value = payloadId;
        command.Parameters[7].Value = Text(at);
        command.ExecuteNonQuery();
    }

    public void Reversed(SourceRef source, EntryId reversal)
    {
        Changing(_latest, source.Dataset, source.Record);
        connection.Execute(
            "UPDATE sync_source SET reversal_id = @reversalId WHERE dataset = @Dataset AND kind = @Kind AND record_id = @Id AND version = @Version",
            new { reversalId = reversal.Value, source.Dataset, source.Kind, source.Id, source.Version }, transaction);
    }

    /// <summary>A receipt re-posted after the invoice it pays was adjusted: the version now lives in a new entry.</summary>
    public void Reposted(SourceRef source, EntryId? entry)
    {
        Changing(_latest, source.Dataset, source.Record);
        connection.Execute(
            "UPDATE sync_source SET books_id = @entryId, reversal_id = NULL WHERE dataset = @Dataset AND kind = @Kind AND record_id = @Id AND version = @Version",
            new { entryId = entry?.Value, source.Dataset, source.Kind, source.Id, source.Version }, transaction);
    }

    /// <summary>
    /// A version whose Books entry a newer version of the same record took over (only payments changed it in Billing):
    /// it no longer has an entry of its own, so each record keeps one live version.
    /// </summary>
    public void Superseded(SourceRef source)
    {
        Changing(_latest, source.Dataset, source.Record);
        connection.Execute(
            "UPDATE sync_source SET books_id = NULL WHERE dataset = @Dataset AND kind = @Kind AND record_id = @Id AND version = @Version",
            new { source.Dataset, source.Kind, source.Id, source.Version }, transaction);
    }

    /// <summary>Quarantined records in retry order, a batch at a time (there may be very many).</summary>
    public IReadOnlyList<StoredConflict> ConflictsAfter(long seq, int limit) =>
        connection.Query<StoredConflict>(
            """
            SELECT dataset, kind, record_id AS id, version, label, problem, fix, position, payload, first_seen AS firstSeen, seq
            FROM sync_conflict WHERE seq > @seq ORDER BY seq LIMIT @limit
            """, new { seq, limit }, transaction).AsList();

    /// <summary>
    /// The conflicts whose wait is over - a payment whose invoice is now posted, a record whose customer is now
    /// imported - in retry order. Only those marked ready (by a trigger, when what they waited for arrived) are
    /// read: a run costs what it changed, not the number of records waiting.
    /// </summary>
    public IReadOnlyList<StoredConflict> ReadyConflicts(int limit) =>
        connection.Query<StoredConflict>(
            """
            SELECT dataset, kind, record_id AS id, version, label, problem, fix, position, payload, first_seen AS firstSeen, seq
            FROM sync_conflict WHERE ready = 1 ORDER BY seq LIMIT @limit
            """, new { limit }, transaction).AsList();

    /// <summary>The ready conflicts up to <paramref name="lastSeq"/> are being retried: those that fail again wait for something else.</summary>
    public void Retrying(long lastSeq) =>
        connection.Execute("UPDATE sync_conflict SET ready = 0 WHERE ready = 1 AND seq <= @lastSeq", new { lastSeq }, transaction);

    /// <summary>
    /// A hash of the set-up every conflict's outcome may depend on in Books (settings and home currency, fiscal year,
    /// accounts and linked accounts, taxes, tax codes, cards with their fee accounts, currencies, rates, the sync's
    /// accounts): when it changed, every conflict is retried. What concerns some conflicts only marks those ready
    /// instead (see <see cref="ReadyConflicts"/>), with triggers: what arrives from the feed (an invoice, a customer)
    /// for the records waiting for it (migration 0101); a customer's settings changed for its records, an invoice
    /// owing more for the payments it could not take and for itself (0103); an invoice entered in Books reversed for
    /// the invoice refused its number (0104).
    /// </summary>
    public string SetupStamp()
    {
        var text = connection.ExecuteScalar<string>(
            """
            SELECT (SELECT group_concat(home_currency || ':' || fiscal_start || fiscal_end || cash_basis || allow_foreign || COALESCE(lock_before, '')) FROM company)
                || '|' || (SELECT group_concat(number || active) FROM account)
                || '|' || (SELECT COALESCE(group_concat(role || ':' || account), '') FROM linked_account)
                || '|' || (SELECT COALESCE(group_concat(name || account), '') FROM tax)
                || '|' || (SELECT COALESCE(group_concat(code), '') FROM tax_code)
                || '|' || (SELECT COALESCE(group_concat(code || tax_id || rate || status), '') FROM tax_code_tax)
                || '|' || (SELECT COALESCE(group_concat(name || ':' || deposit_account || ':' || fee_account || ':' || fee_percent), '') FROM credit_card)
                || '|' || (SELECT COALESCE(group_concat(code), '') FROM foreign_currency)
                || '|' || (SELECT COUNT(*) || COALESCE(MAX(date), '') FROM exchange_rate)
                || '|' || (SELECT COALESCE(track_sales, '') || COALESCE(track_payments, '') || COALESCE(paypal_account, '') || COALESCE(other_payments_account, '') FROM sync_settings)
            """, transaction: transaction) ?? "";
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// Imported customers whose Billing currency is not their Books currency (Books could not hold it when they were
    /// imported): Books customer id and the Billing currency. Read only when the set-up changed, so its cost is rare.
    /// </summary>
    public IReadOnlyList<(CustomerId Customer, string Currency)> CustomersInAnotherCurrency(string dataset) =>
        connection.Query<(long Customer, string Currency)>(
            """
            SELECT c.id, p.payload ->> '$.customer.currency'
            FROM sync_source s
            JOIN customer c ON c.id = s.books_id
            JOIN sync_payload p ON p.id = s.payload_id
            WHERE s.dataset = @dataset AND s.kind = 'customer'
              AND s.version = (SELECT MAX(version) FROM sync_source l WHERE l.dataset = s.dataset AND l.kind = 'customer' AND l.record_id = s.record_id)
              AND c.currency <> (p.payload ->> '$.customer.currency')
            """, new { dataset }, transaction).Select(r => (new CustomerId(r.Customer), r.Currency)).ToList();

    public string? ConflictsTriedWith() => connection.ExecuteScalar<string?>("SELECT conflicts_tried_with FROM sync_settings WHERE id = 1", transaction: transaction);

    public void ConflictsTried(string stamp) =>
        connection.Execute("UPDATE sync_settings SET conflicts_tried_with = @stamp WHERE id = 1", new { stamp }, transaction);

    /// <summary>The open conflicts as the report lists them (without payloads), first <paramref name="limit"/> in retry order.</summary>
    public IReadOnlyList<SyncIssue> Issues(int limit) =>
        connection.Query<(string Kind, string Id, long Version, string Label, string Problem, string? Fix)>(
            "SELECT kind, record_id, version, label, problem, fix FROM sync_conflict ORDER BY seq LIMIT @limit", new { limit }, transaction)
            .Select(r => new SyncIssue(new RecordKey(r.Kind, r.Id), checked((int)r.Version), r.Label, r.Problem, r.Fix))
            .ToList();

    /// <summary>How many records are in conflict (a counter the triggers of migration 0101 keep).</summary>
    public long ConflictCount() => connection.ExecuteScalar<long>("SELECT conflict_count FROM sync_settings WHERE id = 1", transaction: transaction);

    /// <summary>Quarantines a record (or updates its reason); a conflict keeps its first place in the retry order.</summary>
    public void Quarantine(string dataset, SyncIssue issue, Change change, string payloadJson, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(change);
        Changing(_conflicts, dataset, issue.Record);
        // Prepared once per store (one per transaction): a first sync may quarantine hundreds of thousands of records.
        var command = Prepared(
            """
            INSERT INTO sync_conflict (dataset, kind, record_id, version, label, problem, fix, waits_for, customer_id, currency, position, seq, payload, first_seen, last_tried)
            VALUES ($dataset, $kind, $id, $version, $label, $problem, $fix, $waitsFor, $customer, $currency, $position,
                    (SELECT COALESCE(MAX(seq), 0) + 1 FROM sync_conflict), $payload, $at, $at)
            ON CONFLICT (dataset, kind, record_id) DO UPDATE SET version = excluded.version, label = excluded.label,
                problem = excluded.problem, fix = excluded.fix, waits_for = excluded.waits_for, customer_id = excluded.customer_id,
                currency = excluded.currency, position = excluded.position,
                payload = excluded.payload, last_tried = excluded.last_tried
            """,
            "$dataset", "$kind", "$id", "$version", "$label", "$problem", "$fix", "$waitsFor", "$customer", "$currency", "$position", "$payload", "$at");
        object Value(object? value) => value ?? DBNull.Value;
        command.Parameters[0].Value = dataset;
        command.Parameters[1].Value = issue.Record.Kind;
        command.Parameters[2].Value = issue.Record.Id;
        command.Parameters[3].Value = issue.Version;
        command.Parameters[4].Value = issue.Label;
        command.Parameters[5].Value = issue.Problem;
        command.Parameters[6].Value = Value(issue.Fix);
        command.Parameters[7].Value = Value(issue.WaitsFor);
        command.Parameters[8].Value = Value(change.Invoice?.CustomerId ?? change.Payment?.CustomerId);
        command.Parameters[9].Value = Value(change.Invoice?.Currency ?? change.Payment?.Currency);
        command.Parameters[10].Value = Value(change.Cursor);
        command.Parameters[11].Value = payloadJson;
        command.Parameters[12].Value = Text(at);
        command.ExecuteNonQuery();
    }

    /// <summary>Takes a record out of quarantine; false when it was not in it.</summary>
    public bool Release(string dataset, RecordKey record)
    {
        // Known not to be quarantined (the usual case on a first sync): nothing to delete.
        if (_conflicts.TryGetValue((dataset, record), out var known) && known is null) return false;
        Changing(_conflicts, dataset, record);
        var command = Prepared("DELETE FROM sync_conflict WHERE dataset = $dataset AND kind = $kind AND record_id = $id", "$dataset", "$kind", "$id");
        command.Parameters[0].Value = dataset;
        command.Parameters[1].Value = record.Kind;
        command.Parameters[2].Value = record.Id;
        var released = command.ExecuteNonQuery() > 0;
        _conflicts[(dataset, record)] = null;
        return released;
    }

    /// <summary>A statement prepared once per store (one per transaction): the per-record path binds and runs it.</summary>
    private SqliteCommand Prepared(string sql, params string[] names)
    {
        if (_prepared.TryGetValue(sql, out var command)) return command;
        command = connection.CreateCommand();
#pragma warning disable CA2100 // constant SQL of this class; values go through parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        _prepared[sql] = command;
        return command;
    }

    /// <summary>A record's row is about to change: read it again from the file next time.</summary>
    private static void Changing<T>(Dictionary<(string, RecordKey), T> cache, string dataset, RecordKey record) => cache.Remove((dataset, record));

    /// <summary>Drops everything read: after a rollback, what was read may be gone from the file.</summary>
    public void Forget()
    {
        _latest.Clear();
        _conflicts.Clear();
    }

    private static int? ToInt(long? value) => value is null ? null : checked((int)value.Value);

    private static string? Text(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Instant(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private sealed record SettingsRow(
        string? Server, string? Email, string? LastEmail, string Mode, string? ClientEmail, long? TrackSales, long? TrackPayments,
        long? PayPalAccount, long? OtherPaymentsAccount, string? Dataset, string? Cursor, string? FirstSyncedAt, string? LastSyncedAt);
}

/// <summary>
/// A row of sync_source: one imported version and where it lives in Books - a customer's version is a Books
/// customer; an invoice's or a payment's is posted as an entry (none when deleted, void or 0.00), maybe reversed since.
/// </summary>
public sealed record ImportedVersion(string Dataset, string Kind, string Id, long Version, CustomerId? Customer, EntryId? Entry, EntryId? Reversal, bool Deleted)
{
    /// <summary>From the row, whose books_id is a customer's id or an entry's depending on the kind.</summary>
    internal static ImportedVersion Of(string dataset, string kind, string id, long version, long? booksId, long? reversalId, long deleted)
    {
        var customer = kind == ChangeKinds.Customer;
        return new ImportedVersion(dataset, kind, id, version,
            customer && booksId is { } c ? new CustomerId(c) : null,
            !customer && booksId is { } e ? new EntryId(e) : null,
            reversalId is { } r ? new EntryId(r) : null,
            deleted != 0);
    }

    public SourceRef Source => new(Dataset, Kind, Id, checked((int)Version));

    /// <summary>Posted and not reversed: this version is what Books shows now.</summary>
    public bool Live => (Customer is not null || Entry is not null) && Reversal is null && !Deleted;
}

/// <summary>What the import needs to know of a quarantined record.</summary>
internal sealed record ConflictState(long Version, string Label, string Problem);

/// <summary>A row of sync_conflict.</summary>
public sealed record StoredConflict(string Dataset, string Kind, string Id, long Version, string Label, string Problem, string? Fix, string Position, string Payload, string FirstSeen, long Seq)
{
    public Change Change => JsonSerializer.Deserialize<Change>(Payload, SyncClient.Json) ?? throw new InvalidOperationException($"Empty payload for conflict {Kind} {Id}.");

    public SyncIssue Issue => new(new RecordKey(Kind, Id), checked((int)Version), Label, Problem, Fix);
}
