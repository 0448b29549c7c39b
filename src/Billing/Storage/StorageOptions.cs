namespace BillingBooks.Billing.Storage;

public static class StorageOptions
{
    public const string DefaultSqlitePath = "data/billing.db";

    /// <summary>--postgres "CONNECTION STRING" runs on PostgreSQL; otherwise SQLite at --sqlite PATH (default data/billing.db).</summary>
    public static Database Open(string? sqlitePath, string? postgres) =>
        !string.IsNullOrWhiteSpace(postgres)
            ? Database.Postgres(postgres)
            : Database.Sqlite(string.IsNullOrWhiteSpace(sqlitePath) ? DefaultSqlitePath : sqlitePath);
}
