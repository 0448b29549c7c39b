namespace BillingBooks.Billing.Testing;

/// <summary>Which database a Billing process runs on: the command-line arguments that pick it.</summary>
public abstract record BillingDatabase
{
    public abstract IReadOnlyList<string> Arguments { get; }

    /// <summary>A SQLite file (created on first start).</summary>
    public sealed record Sqlite(string Path) : BillingDatabase
    {
        public override IReadOnlyList<string> Arguments => ["--sqlite", Path];
    }

    /// <summary>A PostgreSQL database, e.g. one made by <see cref="TestPostgres.CreateDatabaseAsync"/>.</summary>
    public sealed record Postgres(string ConnectionString) : BillingDatabase
    {
        public override IReadOnlyList<string> Arguments => ["--postgres", ConnectionString];
    }
}
