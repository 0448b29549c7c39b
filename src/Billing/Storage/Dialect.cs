namespace BillingBooks.Billing.Storage;

public enum Dialect
{
    Sqlite,
    Postgres,
}
