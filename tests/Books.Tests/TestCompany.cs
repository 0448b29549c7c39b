using System.Text;
using BillingBooks.Books.Customers;
using BillingBooks.Books.Settings;
using BillingBooks.Money;
using BillingBooks.Books.Storage;
using Microsoft.Extensions.Time.Testing;

namespace BillingBooks.Books.Tests;

/// <summary>A real company file in its own temp directory, deleted at dispose. Today is 2026-03-15 on a fake clock.</summary>
public sealed class TestCompany : IDisposable
{
    public TestCompany(NewCompany? company = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("books-test-").FullName;
        Path = System.IO.Path.Combine(Directory, "company.books");
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
        File = CompanyFile.Create(Path, company ?? new NewCompany("Maple Design Inc."), Clock).Value;
    }

    public string Directory { get; }

    public string Path { get; }

    public FakeTimeProvider Clock { get; }

    public CompanyFile File { get; private set; }

    public static DateOnly Day(int month, int day) => new(2026, month, day);

    public static Money.Money Cad(decimal amount) => Money.Money.Of(amount, Currency.CAD);

    public static Money.Money Usd(decimal amount) => Money.Money.Of(amount, Currency.USD);

    public Customer AddCustomer(string name, string? taxCode = "H", Currency? currency = null) =>
        Ok(w => w.Customers.Add(new CustomerFields(name, TaxCode: taxCode, Currency: currency)));

    /// <summary>Allows USD with a rate of 1.35 CAD from Jan 1.</summary>
    public void AllowUsd(decimal rate = 1.35m) => Ok(w =>
        w.Settings.SetAllowForeignCurrency(true)
            .Then(_ => w.ExchangeRates.AddCurrency(Currency.USD))
            .Then(_ => w.ExchangeRates.SetRate(Currency.USD, Day(1, 1), rate)));

    /// <summary>Every row of every table, in order: equal snapshots mean a failed write changed nothing.</summary>
    public string Snapshot() => Read(r =>
    {
        var text = new StringBuilder();
        foreach (var table in r.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        {
            text.Append("## ").Append(table).Append('\n');
            using var command = r.Connection.CreateCommand();
            command.Transaction = r.Transaction;
#pragma warning disable CA2100 // table names come from sqlite_master
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
#pragma warning restore CA2100
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    });

    public T Read<T>(Func<BooksRead, T> read) => File.Read(read);

    public Result<T> Write<T>(Func<BooksWrite, Result<T>> work) => File.Write(work);

    /// <summary>Runs a write that must succeed and returns its value.</summary>
    public T Ok<T>(Func<BooksWrite, Result<T>> work)
    {
        var result = File.Write(work);
        Assert.True(result.IsOk, result.IsOk ? "" : result.Error.Message);
        return result.Value;
    }

    public void Reopen()
    {
        File.Dispose();
        File = CompanyFile.Open(Path, Clock).Value;
    }

    public void Dispose()
    {
        File.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
