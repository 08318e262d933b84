using JasperFx;
using Newsroom;
using Newsroom.Infrastructure.Identity;
using Newsroom.Integrity;

var builder = WebApplication.CreateBuilder(args);

// `token` prints a development JWT and exits; everything else is the service (or a JasperFx command).
if (TokenCommand.IsInvoked(args))
    return TokenCommand.Run(args, builder.Configuration, builder.Environment);

builder.AddNewsroom();

var app = builder.Build();

// `verify` checks every article's hash chain against the database and exits (1 if any link is broken).
if (VerifyCommand.IsInvoked(args))
    return await VerifyCommand.RunAsync(app.Services);

app.UseNewsroom();

return await app.RunJasperFxCommands(args);

/// <summary>Exposed for the Alba test host.</summary>
public partial class Program;
