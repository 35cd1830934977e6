using System.Linq.Expressions;
using BrandHub.Core.Audience;

namespace BrandHub.Modules.Audience.Contacts;

/// <summary>
/// Free-text contact search: email, names (with several words, each word must be in the first or last name, in any
/// order: "ana maria popescu" finds Ana Maria Popescu), company, and phone in any format the user types it.
/// Case-insensitive; translated to SQL on both providers.
/// </summary>
public static class ContactSearch
{
    private const int MaxNameWords = 6;

    public static IQueryable<Contact> Apply(IQueryable<Contact> q, string text, string defaultCountry)
    {
        var s = text.ToLowerInvariant();
        // E.164 never equals "-", so without a phone-like query this clause matches nothing (a null would match every row without a phone).
        var phone = PhoneNumber.TryNormalize(text, defaultCountry, out var e164, out _) ? e164 : "-";
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
            return q.Where(c => c.Phone == phone || c.Email!.ToLower().Contains(s) || c.FirstName!.ToLower().Contains(s)
                || c.LastName!.ToLower().Contains(s) || c.Company!.ToLower().Contains(s) || c.Phone!.Contains(s));

        Expression<Func<Contact, bool>> whole = c => c.Phone == phone || c.Email!.ToLower().Contains(s) || c.Company!.ToLower().Contains(s)
            || (c.FirstName!.ToLower() + " " + c.LastName!.ToLower()).Contains(s);
        var everyWord = words.Take(MaxNameWords)
            .Select(w => (Expression<Func<Contact, bool>>)(c => c.FirstName!.ToLower().Contains(w) || c.LastName!.ToLower().Contains(w)))
            .Aggregate((a, b) => Combine(a, b, Expression.AndAlso));
        return q.Where(Combine(whole, everyWord, Expression.OrElse));
    }

    private static Expression<Func<Contact, bool>> Combine(Expression<Func<Contact, bool>> a, Expression<Func<Contact, bool>> b,
        Func<Expression, Expression, BinaryExpression> op)
    {
        var c = a.Parameters[0];
        return Expression.Lambda<Func<Contact, bool>>(op(a.Body, new Rebind(b.Parameters[0], c).Visit(b.Body)), c);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
