namespace Newsroom.Infrastructure.Identity;

/// <summary>
/// <c>dotnet run --project src/Newsroom.Api -- token --sub alice --name "Alice" --role editor --desk world</c>
/// prints a signed development token for the configured key (repeat --role/--desk, or separate with commas;
/// --publication names the publication where the service serves several).
/// </summary>
public static class TokenCommand
{
    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == "token";

    public static int Run(string[] args, IConfiguration configuration, IHostEnvironment environment)
    {
        string? sub = null, name = null, publication = null;
        var roles = new List<string>();
        var desks = new List<string>();
        var hours = 12.0;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--sub": sub = value; i++; break;
                case "--name": name = value; i++; break;
                case "--role": roles.AddRange(Split(value)); i++; break;
                case "--desk": desks.AddRange(Split(value)); i++; break;
                case "--publication": publication = value; i++; break;
                case "--hours" when double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var h) && h > 0: hours = h; i++; break;
                case "--help" or "-h": Usage(Console.Out); return 0;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete option: {args[i]}");
                    Usage(Console.Error);
                    return 2;
            }
        }

        if (string.IsNullOrWhiteSpace(sub))
        {
            Console.Error.WriteLine("--sub is required.");
            Usage(Console.Error);
            return 2;
        }

        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"Unknown role(s): {string.Join(", ", unknown)}. Roles: {string.Join(", ", Roles.All)}.");
            return 2;
        }

        var options = configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        Console.WriteLine(TokenIssuer.Issue(options, environment.IsProduction(), sub, name ?? sub, roles, desks, TimeSpan.FromHours(hours), publication: publication));
        return 0;
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Usage(TextWriter writer) => writer.WriteLine(
        "usage: token --sub <user id> [--name \"Display Name\"] [--role editor|reviewer|publisher|auditor|admin]... [--desk <desk>]... [--publication <id>] [--hours 12]");
}
