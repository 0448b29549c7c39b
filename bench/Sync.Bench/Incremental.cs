namespace BillingBooks.Sync.Bench;

internal static class Incremental
{
    public static Task RunAsync(string work) => Task.CompletedTask;
}
