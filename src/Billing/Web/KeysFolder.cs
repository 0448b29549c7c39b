using BillingBooks.Billing.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace BillingBooks.Billing.Web;

/// <summary>
/// Where the Data Protection keys that seal the pages' sign-in cookie are kept: <c>--keys-dir</c>, by default on
/// SQLite a <c>keys</c> folder next to the database file. ASP.NET Core's own default (~/.aspnet/DataProtection-Keys,
/// in memory when the user has no home folder) signed everyone out at each restart of a service without a home
/// folder, and instances on one PostgreSQL database could not read each other's cookies; on PostgreSQL it stays the
/// default unless --keys-dir is given (there is no file next to which to keep them), and the README says to share one.
/// </summary>
public static class KeysFolder
{
    public const string Option = "keys-dir";

    /// <summary>
    /// The same for every instance (ASP.NET Core's default is the content root, which differs between installs), so
    /// that instances sharing the folder read each other's cookies.
    /// </summary>
    public const string ApplicationName = "BillingBooks.Billing";

    /// <summary>The folder made ready; null for ASP.NET Core's default; one that cannot be created is added to <paramref name="errors"/>.</summary>
    public static string? Prepare(IConfiguration configuration, Dialect dialect, ICollection<CommandLineError> errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(errors);
        var given = configuration[Option];
        string folder;
        if (!string.IsNullOrWhiteSpace(given))
        {
            folder = Path.GetFullPath(given);
        }
        else if (dialect == Dialect.Sqlite)
        {
            var sqlite = configuration["sqlite"];
            var file = Path.GetFullPath(string.IsNullOrWhiteSpace(sqlite) ? StorageOptions.DefaultSqlitePath : sqlite);
            folder = Path.Combine(Path.GetDirectoryName(file)!, "keys");
        }
        else
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(folder);
            return folder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new CommandLineError(
                $"cannot use {folder} for the sign-in keys: {e.Message.TrimEnd('.')}; check --{Option} (a folder this user can create and write)."));
            return null;
        }
    }

    /// <summary>Keeps the keys in <paramref name="folder"/> (null: ASP.NET Core's default place) under <see cref="ApplicationName"/>.</summary>
    public static void AddKeys(this IServiceCollection services, string? folder)
    {
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (folder is not null)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }
    }
}
