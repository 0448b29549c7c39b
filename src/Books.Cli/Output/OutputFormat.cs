namespace BillingBooks.Books.Cli.Output;

public enum OutputFormat
{
    Table,
    Csv,
    Json,
}
