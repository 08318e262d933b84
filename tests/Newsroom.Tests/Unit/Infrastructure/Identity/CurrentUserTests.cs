using System.Security.Claims;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Tests.Unit;

public class when_deciding_which_desks_a_user_sees_and_works_on
{
    [Theory]
    [InlineData(Roles.Editor, false)]
    [InlineData(Roles.Reviewer, false)]
    [InlineData(Roles.Publisher, true)]
    [InlineData(Roles.Auditor, true)]
    [InlineData(Roles.Admin, true)]
    public void only_publishers_auditors_and_admins_see_all_desks(string role, bool seesAll)
    {
        var user = People.User("u", "U", [role], ["world"]);
        user.SeesAllDesks.ShouldBe(seesAll);
        user.CanSee("politics").ShouldBe(seesAll);
        user.CanSee("world").ShouldBeTrue();
    }

    [Theory]
    [InlineData(Roles.Editor, false)]
    [InlineData(Roles.Reviewer, false)]
    [InlineData("publisher", false)]
    [InlineData("auditor", false)]
    [InlineData(Roles.Admin, true)]
    public void only_admins_work_on_desks_they_are_not_members_of(string role, bool worksOnOtherDesk)
    {
        var user = People.User("u", "U", [role], ["world"]);
        user.WorksOn("world").ShouldBeTrue();
        user.WorksOn("politics").ShouldBe(worksOnOtherDesk);
    }

    [Fact]
    public void a_reviewer_on_another_desk_neither_sees_nor_works_on_world()
    {
        People.PoliticsReviewer.CanSee("world").ShouldBeFalse();
        People.PoliticsReviewer.WorksOn("world").ShouldBeFalse();
        People.PoliticsReviewer.WorksOn("politics").ShouldBeTrue();
    }

    [Fact]
    public void a_publisher_with_no_desks_sees_every_desk_but_works_on_none()
    {
        People.Publisher.CanSee("world").ShouldBeTrue();
        People.Publisher.WorksOn("world").ShouldBeFalse();
    }

    [Fact]
    public void an_admin_holds_every_role_and_others_only_their_own()
    {
        foreach (var role in Roles.All) People.Admin.Has(role).ShouldBeTrue();
        People.Editor.Has(Roles.Editor).ShouldBeTrue();
        People.Editor.Has(Roles.Reviewer).ShouldBeFalse();
        People.Editor.Has(Roles.Admin).ShouldBeFalse();
    }
}

public class when_reading_the_user_from_token_claims
{
    // As in the service: the bearer handler's principal goes through ClaimsNormalization first.
    private static CurrentUser From(params (string Type, string Value)[] claims) =>
        CurrentUser.From(new ClaimsNormalization().TransformAsync(new ClaimsPrincipal(new ClaimsIdentity(
            claims.Select(c => new Claim(c.Type, c.Value)), "Bearer", "name", "role"))).GetAwaiter().GetResult());

    [Fact]
    public void sub_and_name_become_the_id_and_the_actor()
    {
        var user = From(("sub", "alice"), ("name", "Alice Example"), ("role", "editor"), ("desk", "world"));
        user.Id.ShouldBe("alice");
        user.Name.ShouldBe("Alice Example");
        user.AsActor.ShouldBe(new Newsroom.Articles.Actor("alice", "Alice Example"));
    }

    [Fact]
    public void without_a_name_the_id_stands_in_for_it() =>
        From(("sub", "alice")).Name.ShouldBe("alice");

    [Fact]
    public void repeated_role_and_desk_claims_are_all_taken()
    {
        var user = From(("sub", "a"), ("role", "editor"), ("role", "reviewer"), ("desk", "world"), ("desk", "politics"));
        user.Roles.ShouldBe(["editor", "reviewer"], ignoreOrder: true);
        user.Desks.ShouldBe(["world", "politics"], ignoreOrder: true);
    }

    [Fact]
    public void a_claim_holding_a_json_array_string_is_split_into_its_values()
    {
        var user = From(("sub", "a"), ("role", "[\"editor\",\"reviewer\"]"), ("desk", "[ \"world\", \"politics\" ]"));
        user.Roles.ShouldBe(["editor", "reviewer"], ignoreOrder: true);
        user.Desks.ShouldBe(["world", "politics"], ignoreOrder: true);
        user.WorksOn("politics").ShouldBeTrue();
    }

    [Fact]
    public void a_comma_separated_claim_is_split_and_trimmed()
    {
        var user = From(("sub", "a"), ("role", "publisher, auditor"), ("desk", "world,politics,"));
        user.Roles.ShouldBe(["publisher", "auditor"], ignoreOrder: true);
        user.Desks.ShouldBe(["world", "politics"], ignoreOrder: true);
        user.SeesAllDesks.ShouldBeTrue();
    }

    [Fact]
    public void values_are_compared_in_lower_case_and_duplicates_collapse()
    {
        var user = From(("sub", "a"), ("role", "Admin"), ("role", "admin"), ("desk", "World"));
        user.IsAdmin.ShouldBeTrue();
        user.Roles.Count.ShouldBe(1);
        user.Desks.ShouldBe(["world"]);
    }

    [Fact]
    public void no_role_or_desk_claims_leave_a_user_who_sees_and_works_on_nothing()
    {
        var user = From(("sub", "a"));
        user.Roles.ShouldBeEmpty();
        user.Desks.ShouldBeEmpty();
        user.CanSee("world").ShouldBeFalse();
        user.WorksOn("world").ShouldBeFalse();
    }
}
