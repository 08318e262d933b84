using FluentValidation;

namespace Newsroom.Articles;

/// <summary>The shape rules of every content field, shared by create, import, revise and correct.</summary>
public class ContentFieldsValidator<T> : AbstractValidator<T> where T : IContentFields
{
    public const int MaxHeadline = 200;
    public const int MaxStandfirst = 600;
    public const int MaxBody = 200_000;
    public const int MaxSlug = 100; // derived slugs are at most 80 characters plus a numeric suffix

    public ContentFieldsValidator()
    {
        RuleFor(x => x.Headline).Must(h => !string.IsNullOrWhiteSpace(h)).When(x => x.Headline is { Length: > 0 })
            .WithMessage("The headline cannot be blank.");
        RuleFor(x => x.Headline).MaximumLength(MaxHeadline);
        RuleFor(x => x.Standfirst).MaximumLength(MaxStandfirst);
        RuleFor(x => x.Body).MaximumLength(MaxBody);
        RuleFor(x => x.Desk).Matches("^[a-z0-9][a-z0-9-]{0,39}$").When(x => x.Desk != null)
            .WithMessage("A desk id is 1–40 lowercase letters, digits or hyphens, e.g. \"world\".");
        RuleFor(x => x.Byline).Must(b => b!.Count <= 20).When(x => x.Byline != null).WithMessage("At most 20 byline names.");
        RuleForEach(x => x.Byline).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Tags).Must(t => t!.Count <= 50).When(x => x.Tags != null).WithMessage("At most 50 tags.");
        RuleForEach(x => x.Tags).NotEmpty().MaximumLength(50);
        RuleFor(x => x.Category).MaximumLength(100);
        RuleFor(x => x.Locations).Must(l => l!.Count <= 50).When(x => x.Locations != null).WithMessage("At most 50 locations.");
        RuleForEach(x => x.Locations).NotNull().WithMessage("A location cannot be null.");
        RuleForEach(x => x.Locations).ChildRules(location =>
        {
            location.RuleFor(l => l.Name).NotEmpty().MaximumLength(200);
            location.RuleFor(l => l.Lat).InclusiveBetween(-90, 90);
            location.RuleFor(l => l.Lon).InclusiveBetween(-180, 180);
        }).OverridePropertyName("locations");
        RuleFor(x => x.Language).Matches("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$").When(x => x.Language != null)
            .WithMessage("The language is a BCP 47 tag such as \"en\" or \"pt-BR\".");
        RuleFor(x => x.Slug).Matches("^[a-z0-9]+(-[a-z0-9]+)*$").MaximumLength(MaxSlug).When(x => x.Slug != null)
            .WithMessage($"A slug is lowercase ASCII letters and digits separated by single hyphens, at most {MaxSlug} characters.");
        RuleFor(x => x.Priority).InclusiveBetween(1, 6).WithMessage("Priority runs from 1 (flash) to 6 (routine).");
    }
}

/// <summary>The shape rules of a partial update (revise, correct): the content fields, and one embargo instruction at most.</summary>
public class ContentPatchValidator<T> : ContentFieldsValidator<T> where T : ContentPatch
{
    public ContentPatchValidator()
    {
        RuleFor(x => x.LiftEmbargo).Must(lift => lift != true).When(x => x.EmbargoUntil is not null)
            .WithMessage("Send either embargoUntil (a new embargo) or liftEmbargo: true, not both.");
    }
}
