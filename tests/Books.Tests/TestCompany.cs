using BillingBooks.Books.Settings;
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
