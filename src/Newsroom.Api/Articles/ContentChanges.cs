namespace Newsroom.Articles;

/// <summary>
/// The fields one revision changed; null means "unchanged". Lists are replaced whole.
/// <see cref="ClearEmbargo"/> exists because a null <see cref="EmbargoUntil"/> already means "unchanged".
/// </summary>
public sealed record ContentChanges(
    string? Headline = null,
    string? Standfirst = null,
    string? Body = null,
    string? Desk = null,
    IReadOnlyList<string>? Byline = null,
    IReadOnlyList<string>? Tags = null,
    string? Category = null,
    IReadOnlyList<GeoLocation>? Locations = null,
    string? Language = null,
    string? Slug = null,
    DateTimeOffset? EmbargoUntil = null,
    bool ClearEmbargo = false,
    int? Priority = null)
{
    /// <summary>The changes that actually differ from <paramref name="current"/>: a no-op PATCH records nothing.</summary>
    public ContentChanges OnlyDifferencesFrom(ArticleContent current) => new(
        Headline: Headline != null && Headline != current.Headline ? Headline : null,
        Standfirst: Standfirst != null && Standfirst != (current.Standfirst ?? "") ? Standfirst : null,
        Body: Body != null && Body != (current.Body ?? "") ? Body : null,
        Desk: Desk != null && Desk != current.Desk ? Desk : null,
        Byline: Byline != null && !Byline.SequenceEqual(current.Byline) ? Byline : null,
        Tags: Tags != null && !Tags.SequenceEqual(current.Tags) ? Tags : null,
        Category: Category != null && Category != (current.Category ?? "") ? Category : null,
        Locations: Locations != null && !Locations.SequenceEqual(current.Locations) ? Locations : null,
        Language: Language != null && Language != current.Language ? Language : null,
        Slug: Slug != null && Slug != current.Slug ? Slug : null,
        EmbargoUntil: EmbargoUntil != null && EmbargoUntil != current.EmbargoUntil ? EmbargoUntil : null,
        ClearEmbargo: ClearEmbargo && current.EmbargoUntil != null,
        Priority: Priority != null && Priority != current.Priority ? Priority : null);

    public bool IsEmpty =>
        Headline is null && Standfirst is null && Body is null && Desk is null && Byline is null && Tags is null &&
        Category is null && Locations is null && Language is null && Slug is null && EmbargoUntil is null &&
        !ClearEmbargo && Priority is null;

    public ArticleContent ApplyTo(ArticleContent c) => c with
    {
        Headline = Headline ?? c.Headline,
        Standfirst = Standfirst ?? c.Standfirst,
        Body = Body ?? c.Body,
        Desk = Desk ?? c.Desk,
        Byline = Byline ?? c.Byline,
        Tags = Tags ?? c.Tags,
        Category = Category ?? c.Category,
        Locations = Locations ?? c.Locations,
        Language = Language ?? c.Language,
        Slug = Slug ?? c.Slug,
        EmbargoUntil = ClearEmbargo ? null : EmbargoUntil ?? c.EmbargoUntil,
        Priority = Priority ?? c.Priority
    };

    /// <summary>Names of the changed fields, in contract (camelCase) spelling.</summary>
    public IReadOnlyList<string> FieldNames()
    {
        var names = new List<string>();
        if (Headline != null) names.Add("headline");
        if (Standfirst != null) names.Add("standfirst");
        if (Body != null) names.Add("body");
        if (Desk != null) names.Add("desk");
        if (Byline != null) names.Add("byline");
        if (Tags != null) names.Add("tags");
        if (Category != null) names.Add("category");
        if (Locations != null) names.Add("locations");
        if (Language != null) names.Add("language");
        if (Slug != null) names.Add("slug");
        if (EmbargoUntil != null || ClearEmbargo) names.Add("embargoUntil");
        if (Priority != null) names.Add("priority");
        return names;
    }
}
