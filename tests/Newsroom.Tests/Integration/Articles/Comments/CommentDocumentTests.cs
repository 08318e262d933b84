using System.Net;
using Marten;
using Newsroom.Articles;
using Newsroom.Articles.Comments;

namespace Newsroom.Tests.Integration;

/// <summary>ADR 0042: an article's notes are documents of their own, so the article costs the same however many it has.</summary>
public class notes_kept_beside_the_article(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<Guid> DraftWithNotes(params string[] notes)
    {
        var draft = await Api.Draft();
        foreach (var note in notes)
            (await Api.Post($"/api/articles/{draft.Id()}/comments", Users.Rita, new { text = note })).Status.ShouldBe(HttpStatusCode.Created);
        return draft.Id();
    }

    private async Task<string[]> Listed(Guid id) =>
        (await Api.Get($"/api/articles/{id}/comments", Users.Alice)).Json.Items().Select(c => c!["text"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task the_article_document_carries_none_of_them_and_each_is_written_with_its_event()
    {
        var id = await DraftWithNotes("First note.", "Second note.");

        await using var session = Store.QuerySession();
        var stored = await session.AdvancedSql.QueryAsync<bool>(
            "select data -> 'comments' is not null from newsroom.mt_doc_article where id = ?", CancellationToken.None, id);
        stored.ShouldHaveSingleItem().ShouldBeFalse();
        var notes = await ArticleComment.Of(session, id).ToListAsync();
        notes.Select(n => n.Text).ShouldBe(["First note.", "Second note."]);
        notes.ShouldAllBe(n => n.ArticleId == id && n.By.Id == "rita");

        // Each note's id and time are its event's, to the microsecond PostgreSQL keeps.
        var events = await session.Events.FetchStreamAsync(id);
        var added = events.Select(e => e.Data).OfType<CommentAdded>().ToList();
        notes.Select(n => n.Id).ShouldBe(added.Select(a => a.CommentId));
        notes.Select(n => n.At).ShouldBe(added.Select(a => new DateTimeOffset(a.At.Ticks - a.At.Ticks % 10, a.At.Offset)));
    }

    [Fact]
    public async Task notes_written_before_they_were_documents_come_back_with_a_rebuild()
    {
        var id = await DraftWithNotes("Check the figures.", "Figures checked.", "Headline too long?");
        var before = await Listed(id);

        // A database from before ADR 0042 has the events but no documents: take them away.
        await using (var session = Store.LightweightSession())
        {
            session.DeleteWhere<ArticleComment>(c => c.ArticleId == id);
            await session.SaveChangesAsync();
        }
        (await Listed(id)).ShouldBeEmpty();

        using (var daemon = await Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync<ArticleCommentProjection>(TimeSpan.FromSeconds(60), CancellationToken.None);

        (await Listed(id)).ShouldBe(before);
        before.ShouldBe(["Check the figures.", "Figures checked.", "Headline too long?"]);
    }
}
