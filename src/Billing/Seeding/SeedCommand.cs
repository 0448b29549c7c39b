namespace BillingBooks.Billing.Seeding;

public static class SeedCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Task.FromResult(1);
    }
}
