using System.Text.Json;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
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

/// <summary>One changed field: its values before and after, and for text fields a word-level diff.</summary>
public sealed record FieldChange(string Field, JsonElement Before, JsonElement After, IReadOnlyList<DiffPiece>? Words);
