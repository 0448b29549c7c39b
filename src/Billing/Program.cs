using BillingBooks.Billing;
using BillingBooks.Billing.Seeding;
using BillingBooks.Billing.Web;

if (args.Length > 0 && args[0] == "seed")
{
    return await SeedCommand.RunAsync(args[1..]).ConfigureAwait(false);
}

if (CommandLine.AsksForHelp(args))
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

var errors = new List<CommandLineError>();
if (BillingApp.Build(args, errors) is not { } app)
{
    foreach (var error in errors)
    {
        await Console.Error.WriteLineAsync($"billing: {error.Message}").ConfigureAwait(false);
    }

    return CommandLineError.ExitCode;
}

await app.RunAsync().ConfigureAwait(false);
return 0;
