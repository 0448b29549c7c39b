using BillingBooks.Books.Accounts;
using BillingBooks.Books.Checks;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Journals;
using BillingBooks.Books.Reports;
using BillingBooks.Books.Settings;
using BillingBooks.Books.Taxes;
using BillingBooks.Money;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BillingBooks.Books.Storage;

/// <summary>
/// A read scope: one consistent snapshot of the company file, and every feature of Books reached from it
/// (<c>read.Accounts.List()</c>, <c>read.Reports.TrialBalance(date)</c>, ...). Methods that change the books
/// are on the same feature objects but only work inside <see cref="CompanyFile.Write{T}"/> (a <see cref="BooksWrite"/>).
/// </summary>
public class BooksRead : IDisposable
{
    private readonly Dictionary<string, Statement> _statements = new(StringComparer.Ordinal);
    private CompanySettings? _settings;
    private LinkedAccountSettings? _linked;
    private Dictionary<int, Account>? _accounts;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Dictionary<(int Account, int Day), long> _pendingDays = [];
    private long? _lastEntryId;

    internal BooksRead(SqliteConnection connection, SqliteTransaction transaction, TimeProvider clock, bool writable)
    {
        _connection = connection;
        _transaction = transaction;
        Clock = clock;
        Writable = writable;
        Accounts = new ChartOfAccounts(this);
        LinkedAccounts = new LinkedAccounts(this);
        Settings = new CompanySetup(this);
        ExchangeRates = new ExchangeRates(this);
        CreditCards = new CreditCardsAccepted(this);
        Taxes = new SalesTaxes(this);
        TaxCodes = new TaxCodes(this);
        Customers = new CustomerList(this);
        Entries = new EntryLedger(this);
        Sales = new SalesJournal(this);
        Receipts = new ReceiptsJournal(this);
        General = new GeneralJournal(this);
        Reports = new FinancialReports(this);
        Checks = new IntegrityChecks(this);
        Hledger = new HledgerExport(this);
    }

    /// <summary>
    /// The open connection, for extension modules like Books.Sync that own tables in the company file.
    /// Use it only with <see cref="Transaction"/>; never commit, roll back or close it (the scope does).
    /// Getting it first writes out entries Books is still holding, so everything posted so far is in the tables.
    /// </summary>
    public SqliteConnection Connection
    {
        get
        {
            Flush();
            return _connection;
        }
    }

    /// <summary>
    /// Writes out what Books still holds in memory (per-account-per-day totals): an extension module that rolls back
    /// a savepoint after posting calls this first, so the rollback undoes those totals with the postings.
    /// </summary>
    public void WriteQueued() => Flush();

    /// <summary>The scope's transaction, for extension modules like Books.Sync that own tables in the company file.</summary>
    public SqliteTransaction Transaction
    {
        get
        {
            Flush();
            return _transaction;
        }
    }

    public TimeProvider Clock { get; }

    public ChartOfAccounts Accounts { get; }

    public LinkedAccounts LinkedAccounts { get; }

    public CompanySetup Settings { get; }

    public ExchangeRates ExchangeRates { get; }

    public CreditCardsAccepted CreditCards { get; }

    public SalesTaxes Taxes { get; }

    public TaxCodes TaxCodes { get; }

    public CustomerList Customers { get; }

    /// <summary>Every journal entry: look up, list, reverse, audit trail.</summary>
    public EntryLedger Entries { get; }

    public SalesJournal Sales { get; }

    public ReceiptsJournal Receipts { get; }

    public GeneralJournal General { get; }

    public FinancialReports Reports { get; }

    public IntegrityChecks Checks { get; }

    public HledgerExport Hledger { get; }

    internal bool Writable { get; }

    internal CompanySettings Company => _settings ??= CompanySetup.Load(this);

    internal LinkedAccountSettings Linked => _linked ??= LinkedAccounts.Load(this);

    internal IReadOnlyDictionary<int, Account> AccountMap => _accounts ??= ChartOfAccounts.Load(this);

    /// <summary>Tax codes as loaded in this scope (set-up rarely changes; sales read it on every line).</summary>
    internal IReadOnlyList<TaxCode>? TaxCodeCache { get; set; }

    internal IReadOnlyList<(long Id, Tax Tax)>? TaxCache { get; set; }

    /// <summary>Each account's balance over all dates, for the balance limit (see Journals/Ledger.AccountTotals).</summary>
    internal Dictionary<int, long>? AccountTotals { get; set; }


    /// <summary>The company's foreign currencies as read in this scope.</summary>
    internal IReadOnlyList<Currency>? CurrencyCache { get; set; }

    /// <summary>Customers read in this scope (a sync posts many documents per customer).</summary>
    internal Dictionary<long, Customer> CustomerCache { get; } = [];

    /// <summary>A document's currency and rate by (currency, date, given rate), found or refused, as read in this scope.</summary>
    internal Dictionary<(Currency Currency, DateOnly Date, decimal? Given), Result<DocumentCurrency>> DocumentCurrencyCache { get; } = [];

    /// <summary>Credit Cards Accepted entries by the name a receipt gives, found or refused, as read in this scope.</summary>
    internal Dictionary<string, Result<CreditCard>> CreditCardCache { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Drops everything cached after a change inside this scope. Every change to the set-up, customers, rates or cards
    /// goes through <see cref="Execute"/>, which calls this, so no cache outlives what it was read from.
    /// </summary>
    internal void Invalidate()
    {
        _settings = null;
        _linked = null;
        _accounts = null;
        TaxCodeCache = null;
        TaxCache = null;
        CurrencyCache = null;
        CustomerCache.Clear();
        DocumentCurrencyCache.Clear();
        CreditCardCache.Clear();
        AccountTotals = null;
    }

    /// <summary>
    /// After a rollback to a savepoint: drops what this scope remembered of the file (set-up, customers, balances, the
    /// last entry id), so nothing undone leaves a trace; the next entry takes the number after the last one kept.
    /// </summary>
    internal void ForgetUndone()
    {
        Invalidate();
        _lastEntryId = null;
        _pendingDays.Clear();
    }

    /// <summary>Rows written by <see cref="Flush"/>: totals of entries posted earlier, whose own rows were counted then.</summary>
    internal long FlushedRows { get; private set; }

    /// <summary>Rows inserted, changed or deleted on the connection so far, triggers included (SQLite's count).</summary>
    internal long TotalChanges => SQLitePCL.raw.sqlite3_total_changes(_connection.Handle);

    /// <summary>Entry ids are handed out by the scope (one writer holds the file), saving a round trip per entry.</summary>
    internal long NextEntryId()
    {
        _lastEntryId = (_lastEntryId ?? Scalar<long>("SELECT COALESCE(MAX(id), 0) FROM entry")) + 1;
        return _lastEntryId.Value;
    }

    internal void RequireWrite()
    {
        if (!Writable)
        {
            throw new InvalidOperationException("This changes the books: call it inside CompanyFile.Write, not Read.");
        }
    }

    internal IEnumerable<T> Query<T>(string sql, object? parameters = null, bool buffered = true) =>
        Connection.Query<T>(sql, parameters, Transaction, buffered);

    internal T? QuerySingleOrDefault<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefault<T>(sql, parameters, Transaction);

    internal T? Scalar<T>(string sql, object? parameters = null) =>
        Connection.ExecuteScalar<T>(sql, parameters, Transaction);

    internal int Execute(string sql, object? parameters = null)
    {
        RequireWrite();
        var changed = Connection.Execute(sql, parameters, Transaction);
        Invalidate();
        return changed;
    }

    /// <summary>Inserts an entry row (a prepared statement: the posting hot path).</summary>
    internal void AddEntry(long id, string kind, string date, string memo, long? customer, long? reverses, string at) =>
        Prepared("INSERT INTO entry (id, kind, date, memo, customer_id, reverses, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .Add(id).Add(kind).Add(date).Add(memo).Add(customer).Add(reverses).Add(at).Run();

    internal void AddPosting(long entry, int line, int account, long amount, string? currency, long? foreign, string? rate, string? memo) =>
        Prepared("INSERT INTO posting (entry_id, line_no, account, amount, currency, foreign_amount, rate, memo) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .Add(entry).Add(line).Add(account).Add(amount).Add(currency).Add(foreign).Add(rate).Add(memo).Run();

    internal void AddAudit(string at, string action, long entry, string detail) =>
        Prepared("INSERT INTO audit_trail (at, action, entry_id, detail) VALUES (?, ?, ?, ?)").Add(at).Add(action).Add(entry).Add(detail).Run();

    /// <summary>Adds a posting to its account's total for the day (written by <see cref="Flush"/>).</summary>
    internal void AddToDay(int account, DateOnly date, long amount)
    {
        var key = (account, date.DayNumber);
        _pendingDays[key] = checked(_pendingDays.GetValueOrDefault(key) + amount);
    }

    /// <summary>
    /// Writes the per-account-per-day totals summed in memory: called before every query of the scope, whenever an
    /// extension module takes the connection, and before commit, so nothing ever reads around them. (Entries,
    /// postings and audit records are inserted as they are posted.)
    /// </summary>
    internal void Flush()
    {
        if (_pendingDays.Count == 0)
        {
            return;
        }

        var upsert = Prepared("INSERT INTO account_day (account, date, amount) VALUES (?, ?, ?) ON CONFLICT (account, date) DO UPDATE SET amount = amount + excluded.amount");
        // Counted as SQLite counts them (rows written by triggers too), so that writing these out never looks like new work.
        var before = TotalChanges;
        foreach (var ((account, day), amount) in _pendingDays)
        {
            upsert.Add(account).Add(SqlFormats.Date(DateOnly.FromDayNumber(day))).Add(amount).Run();
        }

        FlushedRows += TotalChanges - before;

        _pendingDays.Clear();
    }

    /// <summary>
    /// A statement prepared once for the scope's life, bound by position. It runs without <see cref="Flush"/>: use it
    /// only for the posting path's own reads and writes, never to read account_day.
    /// </summary>
    internal Statement Prepared(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new Statement(_connection, sql);
            _statements[sql] = statement;
        }

        return statement;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var statement in _statements.Values)
            {
                statement.Dispose();
            }

            _statements.Clear();
        }
    }
}
