using System.Globalization;
using BillingBooks.Sync.Bench;

// Sync benchmarks (docs/benchmarks.md "## Sync"), a plain timed program:
//   dotnet run -c Release --project bench/Sync.Bench -- initial 1000000 1000000
//   dotnet run -c Release --project bench/Sync.Bench -- incremental [records...]   (default 1000 10000)
// "initial": seeds Billing (SQLite) with `billing seed`, starts it, runs the real `books sync` process on a new
// company file and reports wall time and its peak RSS. "incremental": 100 changes synced into accounts of
// 1,000 and 10,000 records already imported, timed in-process (the sync itself, not the process start).
var mode = args.Length > 0 ? args[0] : "initial";
if (mode == "company")
{
    // A company file set up for seeded data, to profile `books sync` by hand.
    BenchCompany.Create(args[1]);
    return;
}

var work = Directory.CreateTempSubdirectory("sync-bench-").FullName;
try
{
    if (mode == "initial")
    {
        var invoices = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var payments = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : invoices;
        await Initial.RunAsync(work, invoices, payments);
    }
    else
    {
        var sizes = args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        await Incremental.RunAsync(work, sizes.Length > 0 ? sizes : [1_000, 10_000]);
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}
