namespace BillingBooks.Books.Cli.Parsing;

/// <summary>A setting typed as on or off.</summary>
internal enum Toggle
{
    Off,
    On,
}
