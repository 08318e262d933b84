using Newsroom.Infrastructure.Persistence;
using Npgsql;

namespace Newsroom.Tests.Unit;

/// <summary>Which processes rebuild projections, and the connection they rebuild through (ADR 0041).</summary>
public class when_a_process_rebuilds_projections
{
    [Theory]
    [InlineData("projections", "rebuild")]
    [InlineData("projections", "rebuild", "-p", "AuditLog")]
    [InlineData("PROJECTIONS", "Rebuild", "-p", "DeskStatistics")]
    public void the_rebuild_command_is_recognised(params string[] args) =>
        ProjectionRebuilds.IsThisProcess(args).ShouldBeTrue();

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("projections")]                      // runs the daemon interactively: live work, durable commits
    [InlineData("projections", "list")]
    [InlineData("db-apply")]
    [InlineData("verify")]
    [InlineData("rebuild", "projections")]
    public void every_other_process_is_not(params string[] args) =>
        ProjectionRebuilds.IsThisProcess(args).ShouldBeFalse();

    [Fact]
    public void its_sessions_commit_without_waiting_for_the_flush()
    {
        var options = new NpgsqlConnectionStringBuilder(
            ProjectionRebuilds.WithoutFlushWaits("Host=db;Database=newsroom;Username=app")).Options;
        options.ShouldBe("-c synchronous_commit=off");
    }

    [Fact]
    public void options_the_operator_gave_are_kept()
    {
        var built = new NpgsqlConnectionStringBuilder(
            ProjectionRebuilds.WithoutFlushWaits("Host=db;Command Timeout=600;Options=-c statement_timeout=0"));
        built.Options.ShouldBe("-c statement_timeout=0 -c synchronous_commit=off");
        built.CommandTimeout.ShouldBe(600);
        built.Host.ShouldBe("db");
    }
}
