// Timed console benchmarks of Billing over loopback; see docs/benchmarks.md "## Billing".
Console.WriteLine("usage: dotnet run -c Release --project bench/Billing.Bench -- [invoices|feed] [--postgres CS]");
return 0;
