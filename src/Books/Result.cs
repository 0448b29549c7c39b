using System.Diagnostics.CodeAnalysis;

namespace BillingBooks.Books;

/// <summary>
/// The outcome of a Books operation: a value, or the <see cref="BooksError"/> that says what is wrong and how
/// to fix it. Expected failures travel here; exceptions are reserved for bugs.
/// </summary>
public readonly struct Result<T>
{
    private readonly T? _value;
    private readonly BooksError? _error;

    private Result(T? value, BooksError? error)
    {
        _value = value;
        _error = error;
    }

    public bool IsOk => _error is null;

    /// <summary>The value; asking for it on an error is a bug.</summary>
    public T Value => _error is null ? _value! : throw new InvalidOperationException($"No value: {_error.Message}");

    /// <summary>The error; asking for it on success is a bug.</summary>
    public BooksError Error => _error ?? throw new InvalidOperationException("The result is a success; it has no error.");

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(BooksError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

#pragma warning disable CA2225 // Ok/Fail are the named alternates.
    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(BooksError error) => Fail(error);
#pragma warning restore CA2225

    public bool TryGetValue([MaybeNullWhen(false)] out T value, [MaybeNullWhen(true)] out BooksError error)
    {
        value = _value;
        error = _error;
        return _error is null;
    }

    /// <summary>Continues with <paramref name="next"/> on success; passes the error on otherwise.</summary>
    public Result<TNext> Then<TNext>(Func<T, Result<TNext>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return _error is null ? next(_value!) : Result<TNext>.Fail(_error);
    }

    public Result<TNext> Map<TNext>(Func<T, TNext> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return _error is null ? Result<TNext>.Ok(map(_value!)) : Result<TNext>.Fail(_error);
    }

    public override string ToString() => _error is null ? $"Ok({_value})" : $"Error({_error.Message})";
}

/// <summary>The value of an operation that has nothing to return but can fail.</summary>
public readonly record struct Unit
{
    public static Unit Value => default;
}
