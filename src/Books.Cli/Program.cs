using System.Collections;
using BillingBooks.Books.Cli;
using BillingBooks.Books.Storage;

var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
{
    environment[(string)entry.Key] = (string?)entry.Value;
}

SqliteProcess.TurnOffMemoryStatistics(); // before any company file is opened
using var interruption = Interruption.OfThisProcess();
return BooksApp.Run(args, Console.Out, Console.Error, environment, TimeProvider.System, Console.IsOutputRedirected ? Terminal.None : Terminal.Console, interruption);
