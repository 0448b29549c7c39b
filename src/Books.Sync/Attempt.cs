using System.Diagnostics.CodeAnalysis;

namespace BillingBooks.Books.Sync;

/// <summary>A value, or the <see cref="SyncError"/> that stopped the run.</summary>
public readonly record struct Attempt<T>
{
    private Attempt(T? value, SyncError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public SyncError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Error is null;

    public static Attempt<T> Success(T value) => new(value, null);

    public static Attempt<T> Failure(SyncError error) => new(default, error);

#pragma warning disable CA2225 // implicit conversions are the point: `return value;` / `return error;`
    public static implicit operator Attempt<T>(T value) => Success(value);

    public static implicit operator Attempt<T>(SyncError error) => Failure(error);
#pragma warning restore CA2225
}
