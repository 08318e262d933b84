using System.Reflection;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Articles;
using Newsroom.Articles.Publishing;
using Newsroom.Articles.Reviewing;
using Newsroom.Articles.Spiking;
using Newsroom.Infrastructure.Http;
using Newsroom.Infrastructure.Http.Answers;
using Newsroom.Infrastructure.Identity;

namespace Newsroom.Desk;

/// <summary>What a person typed into an action's form.</summary>
public sealed record ActionInput(int Version, int? Revision, string? Reason, string? Comments, DateTimeOffset? PublishAt);
