using System.Net;
using Newsroom.Integrity;
using Npgsql;

namespace Newsroom.Tests.Integration;

public class the_hash_chain(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task Sql(string sql)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Newsroom"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<System.Text.Json.Nodes.JsonObject> Verify(Guid id)
    {
        var reply = await Api.Get($"/api/articles/{id}/verify", Users.Aude);
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return reply.Json;
    }

    [Fact]
    public async Task an_untouched_history_verifies_clean()
    {
        var published = await Api.Published();
        await Api.Post($"/api/articles/{published.Id()}/comments", Users.Rita, new { text = "Nice – “quoted” Lý Hồng Trung" });
        await Api.Ok(Api.Post($"/api/articles/{published.Id()}/corrections", Users.Paul,
            new { version = 5, note = "Fixed", locations = new[] { new { name = "Seoul", lat = 37.5665, lon = 126.978 } } }));

        var result = await Verify(published.Id());

        result["valid"]!.GetValue<bool>().ShouldBeTrue(result.ToJsonString());
        result["events"]!.GetValue<int>().ShouldBe(6);
        result["firstBrokenVersion"].ShouldBeNull();
    }

    [Fact]
    public async Task an_event_altered_with_plain_sql_is_named()
    {
        var published = await Api.Published();
        await Sql($"update newsroom.mt_events set data = jsonb_set(data, '{{by,name}}', '\"Someone Else\"') where stream_id = '{published.Id()}' and version = 3");

        var result = await Verify(published.Id());

        result["valid"]!.GetValue<bool>().ShouldBeFalse();
        result["firstBrokenVersion"]!.GetValue<int>().ShouldBe(3);
        result["detail"]!.GetValue<string>().ShouldContain("revision_approved");
    }

    [Fact]
    public async Task a_deleted_or_reordered_event_is_noticed()
    {
        var deleted = await Api.Published();
        await Sql($"delete from newsroom.mt_events where stream_id = '{deleted.Id()}' and version = 4");
        var afterDelete = await Verify(deleted.Id());
        afterDelete["valid"]!.GetValue<bool>().ShouldBeFalse();
        afterDelete["firstBrokenVersion"]!.GetValue<int>().ShouldBe(4);

        var retyped = await Api.Approved(content: Api.CompleteDraft("Another"));
        await Sql($"update newsroom.mt_events set type = 'changes_requested' where stream_id = '{retyped.Id()}' and version = 3");
        (await Verify(retyped.Id()))["firstBrokenVersion"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task deleting_the_newest_events_with_their_links_is_noticed()
    {
        var published = await Api.Published();
        await Sql($"delete from newsroom.mt_doc_chainlink where stream_id = '{published.Id()}' and version = 4");
        await Sql($"delete from newsroom.mt_events where stream_id = '{published.Id()}' and version = 4");

        var result = await Verify(published.Id());

        result["valid"]!.GetValue<bool>().ShouldBeFalse();
        result["firstBrokenVersion"]!.GetValue<int>().ShouldBe(4);
        result["detail"]!.GetValue<string>().ShouldContain("newest were deleted");
    }

    [Fact]
    public async Task the_command_line_check_reports_every_stream_and_fails_on_a_broken_one()
    {
        var clean = await Api.Published();
        var tampered = await Api.Published(content: Api.CompleteDraft("Second"));

        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            (await VerifyCommand.RunAsync(Host.Services)).ShouldBe(0);
            await Sql($"update newsroom.mt_events set data = jsonb_set(data, '{{content,headline}}', '\"Rewritten\"') where stream_id = '{tampered.Id()}' and version = 1");
            (await VerifyCommand.RunAsync(Host.Services)).ShouldBe(1);
        }
        finally { Console.SetOut(original); }

        var text = output.ToString();
        text.ShouldContain("OK: 2 article streams");
        text.ShouldContain($"BROKEN article {tampered.Id()} at version 1");
        text.ShouldNotContain($"BROKEN article {clean.Id()}");
    }

    [Fact]
    public async Task only_auditors_and_admins_verify()
    {
        var draft = await Api.Draft();
        (await Api.Get($"/api/articles/{draft.Id()}/verify", Users.Alice)).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        (await Api.Get($"/api/articles/{draft.Id()}/verify", Users.Ada)).Status.ShouldBe(HttpStatusCode.OK);
        (await Api.Get($"/api/articles/{Guid.NewGuid()}/verify", Users.Aude)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }
}
