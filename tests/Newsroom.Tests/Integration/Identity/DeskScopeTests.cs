using System.Net;
using Marten;
using Newsroom.Articles;
using Newsroom.Demo;

namespace Newsroom.Tests.Integration;

public class desk_scope(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly TestUser EditorAndPublisher = new("pat", "Pat Both", ["editor", "publisher"], ["world"]);

    [Fact]
    public async Task a_user_who_can_see_a_desk_but_not_work_on_it_gets_403()
    {
        var politics = await Api.Draft(editor: Users.Eve, content: Api.CompleteDraft("Politics", desk: "politics"));

        (await Api.Get($"/api/articles/{politics.Id()}", EditorAndPublisher)).Status.ShouldBe(HttpStatusCode.OK);
        (await Api.Patch($"/api/articles/{politics.Id()}", EditorAndPublisher, new { version = 1, headline = "Not my desk" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task an_editor_cannot_move_an_article_to_a_desk_they_do_not_work_on()
    {
        var draft = await Api.Draft();
        (await Api.Patch($"/api/articles/{draft.Id()}", Users.Alice, new { version = 1, desk = "politics" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task auditors_read_every_desk_but_change_nothing()
    {
        var draft = await Api.Draft();
        (await Api.Get($"/api/articles/{draft.Id()}", Users.Aude)).Status.ShouldBe(HttpStatusCode.OK);
        (await Api.Patch($"/api/articles/{draft.Id()}", Users.Aude, new { version = 1, headline = "Audited" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await Api.Post($"/api/articles/{draft.Id()}/spike", Users.Aude, new { version = 1 }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}
