namespace BillingBooks.Books.Sync.Tests.Support;

/// <summary>What the SPEC 3 scenario tests (the *ScenarioTests classes) share: their day, syncing again cleanly, and a fix run as printed.</summary>
public static class Scenario
{
    /// <summary>The day the scenarios' invoices are dated, in the fiscal year of a new <see cref="BooksCompany"/>.</summary>
    public static readonly DateOnly March = new(2026, 3, 2);

    /// <summary>Syncs again and expects it done with no open conflict and the reconciliation clean.</summary>
    public static BooksRun SyncAgainCleanly(BooksCompany books, BillingAccount billing)
    {
        var run = books.WithPassword(billing.Password, "sync", "--format", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Report.Reconciliation.Clean, run.ToString());
        return run;
    }

    /// <summary>Splits a fix command the way a POSIX shell would (plain words and single quotes, as FixCommands writes them).</summary>
    public static string[] ShellWords(string command)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in command)
        {
            if (c == '\'' )
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
                any = true;
            }
        }

        if (any)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }
}
