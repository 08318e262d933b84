using FluentValidation;

namespace Newsroom.Infrastructure.Http;

/// <summary>
/// A body that cannot be read as its command is the client's mistake, answered 400 by field (UnreadableJson).
/// Wolverine logs each one at Error with a stack trace under the command type's category; those categories are
/// silenced (nothing else logs under a command's type name) and the refusal is logged once, at Information,
/// by <see cref="ProblemDetailsSetup"/>.
/// </summary>
public static class UnreadableBodyLogging
{
    public const string Category = "Newsroom.UnreadableBody";

    public static ILoggingBuilder SilenceDeserializationErrors(this ILoggingBuilder logging, System.Reflection.Assembly assembly)
    {
        var commandTypes = assembly.GetTypes().Where(t => !t.IsAbstract)
            .Select(ValidatedType)
            .OfType<Type>()
            .Where(t => !t.IsInterface && !t.IsGenericParameter && t.FullName is not null)
            .Distinct();
        foreach (var type in commandTypes) logging.AddFilter(type.FullName!.Replace('+', '.'), LogLevel.None);
        return logging;
    }

    /// <summary>The T of a concrete AbstractValidator&lt;T&gt;, however deep (ContentFieldsValidator&lt;T&gt; sits between).</summary>
    private static Type? ValidatedType(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AbstractValidator<>)) return t.GetGenericArguments()[0];
        return null;
    }
}
