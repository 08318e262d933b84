using JasperFx;
using Newsroom;
using Newsroom.Infrastructure.Identity;

var builder = WebApplication.CreateBuilder(args);

// `token` prints a development JWT and exits; everything else is the service (or a JasperFx command).
if (TokenCommand.IsInvoked(args))
    return TokenCommand.Run(args, builder.Configuration, builder.Environment);

builder.AddNewsroom();

var app = builder.Build();
app.UseNewsroom();

return await app.RunJasperFxCommands(args);

/// <summary>Exposed for the Alba test host.</summary>
public partial class Program;
