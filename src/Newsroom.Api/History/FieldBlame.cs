using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;
using Wolverine.Http;

namespace Newsroom.History;

/// <summary>Who last changed a field, in which revision and when, and the approval that covers that text, if any.</summary>
public sealed record FieldBlame(string Field, int Revision, Actor By, DateTimeOffset At, CoveringApproval? Approval);
