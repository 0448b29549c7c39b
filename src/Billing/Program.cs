using BillingBooks.Billing;
using BillingBooks.Billing.Seeding;

if (args.Length > 0 && args[0] == "seed")
{
    return await SeedCommand.RunAsync(args[1..]).ConfigureAwait(false);
}

var app = BillingApp.Build(args);
await app.RunAsync().ConfigureAwait(false);
return 0;
