using BillingBooks.Billing.Testing;

namespace BillingBooks.Billing.Tests.Support;

/// <summary>
/// Base of the API suites: each runs against a real Billing process on SQLite and again on PostgreSQL (the
/// derived Sqlite*/Postgres* classes). Without PostgreSQL outside CI, the PostgreSQL tests return early.
/// </summary>
public abstract class ApiTestBase<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : BillingFixture
{
    protected TFixture Fixture { get; } = fixture;

    /// <summary>The running process, or null when this database is not available (the test then returns).</summary>
    protected BillingProcess? Billing => Fixture.SkipReason is null ? Fixture.Billing : null;
}
