using BillingBooks.Billing.Web;
using Npgsql;

namespace BillingBooks.Billing.Storage;

public static class StorageOptions
{
    public const string DefaultSqlitePath = "data/billing.db";

    /// <summary>--postgres "CONNECTION STRING" runs on PostgreSQL; otherwise SQLite at --sqlite PATH (default data/billing.db).</summary>
    public static Database Open(string? sqlitePath, string? postgres) =>
        !string.IsNullOrWhiteSpace(postgres)
            ? Database.Postgres(postgres)
            : Database.Sqlite(string.IsNullOrWhiteSpace(sqlitePath) ? DefaultSqlitePath : sqlitePath);

    /// <summary>A --postgres that Npgsql cannot read is added to <paramref name="errors"/>, without its text (it may hold a password).</summary>
    public static void Check(string? postgres, ICollection<CommandLineError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(postgres))
        {
            return;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(postgres);
        }
        catch (ArgumentException e)
        {
            // Npgsql names the keyword it could not set as the parameter; the message alone may quote a value.
            var what = e.ParamName is { Length: > 0 } keyword ? $"it has '{keyword}', which is no setting or has a value of the wrong kind" : "it is not keyword=value pairs";
            errors.Add(new CommandLineError(
                $"--postgres is not a PostgreSQL connection string: {what}; write it like --postgres \"Host=db.example.com;Username=billing;Password=...;Database=billing\"."));
        }
    }
}
