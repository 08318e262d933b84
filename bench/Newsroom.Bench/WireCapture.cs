using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Newsroom.Bench;

/// <summary>One statement as the service sent it: its SQL, its parameters as PostgreSQL's text input, their type oids.</summary>
public sealed record WireStatement(string Sql, IReadOnlyList<string?> Parameters, IReadOnlyList<uint> Types, bool Simple);

/// <summary>
/// What one connection sent before it waited for an answer: one round trip (Npgsql sends a batch, and the pool
/// reset or BEGIN it prepends, in one write and then reads).
/// </summary>
public sealed record RoundTrip(int Connection, long SentAt, List<WireStatement> Statements);

/// <summary>
/// A TCP relay between the service and PostgreSQL that records, per connection, the statements each round trip
/// carried (PostgreSQL's v3 protocol: Query, Parse/Bind/Execute/Sync). Used only for a short capture with a
/// separate service process; the measured service always talks to PostgreSQL directly.
/// </summary>
public sealed class WireCapture : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<RoundTrip> _trips = [];
    private readonly List<Task> _connections = [];
    private int _next;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public WireCapture(string host, int port)
    {
        _target = new IPEndPoint(IPAddress.Parse(host), port);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>Every round trip so far, in the order they were sent.</summary>
    public List<RoundTrip> Trips() => _trips.OrderBy(t => t.SentAt).ToList();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            lock (_connections) _connections.Add(RelayAsync(client, Interlocked.Increment(ref _next)));
        }
    }

    private async Task RelayAsync(TcpClient client, int id)
    {
        using var _ = client;
        using var server = new TcpClient();
        await server.ConnectAsync(_target, _stop.Token);
        client.NoDelay = server.NoDelay = true;
        var state = new ConnectionState(id);
        var up = PumpClientAsync(client.GetStream(), server.GetStream(), state);
        var down = PumpServerAsync(server.GetStream(), client.GetStream(), state);
        await Task.WhenAny(up, down);
    }

    private sealed class ConnectionState(int id)
    {
        public int Id { get; } = id;
        public readonly Dictionary<string, (string Sql, uint[] Types)> Prepared = new();
        public (string Statement, List<string?> Values) Portal;
        public RoundTrip? Current;
        public volatile bool ServerSpoke = true;
        public bool NewTrip = true;
    }

    // Server to client: passed on as it comes; any answer ends the client's current round trip.
    private static async Task PumpServerAsync(NetworkStream from, NetworkStream to, ConnectionState state)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer)) > 0)
            {
                state.ServerSpoke = true;
                await to.WriteAsync(buffer.AsMemory(0, n));
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        to.Socket.Shutdown(SocketShutdown.Send);
    }

    // Client to server: passed on chunk by chunk as it comes, and parsed into messages on the way. A chunk that
    // follows an answer of the server starts a new round trip, unless the last one ended inside a message or
    // before its Sync (a large batch can arrive in two chunks).
    private async Task PumpClientAsync(NetworkStream from, NetworkStream to, ConnectionState state)
    {
        var pending = new List<byte>();
        var started = false;
        var lastType = 'S';
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer)) > 0)
            {
                if (state.ServerSpoke && pending.Count == 0 && lastType is 'S' or 'Q') state.NewTrip = true;
                state.ServerSpoke = false;
                pending.AddRange(buffer.AsSpan(0, n));
                var at = 0;
                while (true)
                {
                    var rest = pending.Count - at;
                    if (!started)
                    {
                        // Untyped start: SSLRequest / GSSENCRequest (answered with one byte), then the StartupMessage.
                        if (rest < 8) break;
                        var length = ReadInt32(pending, at);
                        if (rest < length) break;
                        var code = ReadInt32(pending, at + 4);
                        started = code != 80877103 && code != 80877104;
                        at += length;
                        continue;
                    }
                    if (rest < 5) break;
                    var size = ReadInt32(pending, at + 1);
                    if (rest < size + 1) break;
                    lastType = (char)pending[at];
                    Record(state, lastType, pending.GetRange(at + 5, size - 4).ToArray());
                    at += size + 1;
                }
                pending.RemoveRange(0, at);
                await to.WriteAsync(buffer.AsMemory(0, n));
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        catch (OperationCanceledException) { }
    }

    private static int ReadInt32(List<byte> bytes, int at) => bytes[at] << 24 | bytes[at + 1] << 16 | bytes[at + 2] << 8 | bytes[at + 3];

    private void Record(ConnectionState state, char type, byte[] body)
    {
        void Add(WireStatement statement)
        {
            if (state.NewTrip || state.Current is null)
            {
                state.Current = new RoundTrip(state.Id, Stopwatch.GetTimestamp(), []);
                _trips.Add(state.Current);
                state.NewTrip = false;
            }
            state.Current.Statements.Add(statement);
        }
        var at = 0;
        switch (type)
        {
            case 'Q':
                Add(new WireStatement(CString(body, ref at), [], [], Simple: true));
                break;
            case 'P':
            {
                var name = CString(body, ref at);
                var sql = CString(body, ref at);
                var count = BinaryPrimitives.ReadInt16BigEndian(body.AsSpan(at));
                at += 2;
                var types = new uint[count];
                for (var i = 0; i < count; i++, at += 4) types[i] = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(at));
                state.Prepared[name] = (sql, types);
                break;
            }
            case 'B':
            {
                CString(body, ref at);   // portal: Npgsql uses the unnamed one
                var statement = CString(body, ref at);
                var formatCount = BinaryPrimitives.ReadInt16BigEndian(body.AsSpan(at));
                at += 2;
                var formats = new short[formatCount];
                for (var i = 0; i < formatCount; i++, at += 2) formats[i] = BinaryPrimitives.ReadInt16BigEndian(body.AsSpan(at));
                var count = BinaryPrimitives.ReadInt16BigEndian(body.AsSpan(at));
                at += 2;
                var types = state.Prepared.TryGetValue(statement, out var p) ? p.Types : [];
                var values = new List<string?>(count);
                for (var i = 0; i < count; i++)
                {
                    var length = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(at));
                    at += 4;
                    if (length < 0) { values.Add(null); continue; }
                    var format = formatCount == 0 ? (short)0 : formatCount == 1 ? formats[0] : formats[i];
                    var raw = body.AsSpan(at, length);
                    at += length;
                    values.Add(format == 0 ? Encoding.UTF8.GetString(raw) : PgText.FromBinary(i < types.Length ? types[i] : 0, raw));
                }
                state.Portal = (statement, values);
                break;
            }
            case 'E':
            {
                var (sql, types) = state.Prepared.TryGetValue(state.Portal.Statement, out var p) ? p : ("", Array.Empty<uint>());
                Add(new WireStatement(sql, state.Portal.Values, types, Simple: false));
                break;
            }
            case 'C' when body[0] == (byte)'S':
                at = 1;
                state.Prepared.Remove(CString(body, ref at));
                break;
        }
    }

    private static string CString(byte[] body, ref int at)
    {
        var end = Array.IndexOf(body, (byte)0, at);
        var s = Encoding.UTF8.GetString(body, at, end - at);
        at = end + 1;
        return s;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Task[] open;
        lock (_connections) open = _connections.ToArray();
        await Task.WhenAny(Task.WhenAll(open), Task.Delay(2000));
    }
}

/// <summary>PostgreSQL's text form of a binary parameter, for the types the service sends (a replay sends text).</summary>
public static class PgText
{
    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Type names for the casts a replayed statement gives its parameters, so PostgreSQL infers what the service declared.</summary>
    public static string? TypeName(uint oid) => oid switch
    {
        16 => "bool", 17 => "bytea", 20 => "int8", 21 => "int2", 23 => "int4", 25 => "text", 114 => "json", 700 => "float4",
        701 => "float8", 1043 => "varchar", 1082 => "date", 1114 => "timestamp", 1184 => "timestamptz", 2950 => "uuid", 3802 => "jsonb",
        _ when ElementOf(oid) is { } element => TypeName(element) is { } name ? name + "[]" : null,
        _ => null
    };

    private static uint? ElementOf(uint arrayOid) => arrayOid switch
    {
        1000 => 16, 1001 => 17, 1016 => 20, 1005 => 21, 1007 => 23, 1009 => 25, 199 => 114, 1021 => 700, 1022 => 701,
        1015 => 1043, 1182 => 1082, 1115 => 1114, 1185 => 1184, 2951 => 2950, 3807 => 3802, _ => null
    };

    public static string FromBinary(uint oid, ReadOnlySpan<byte> raw) => oid switch
    {
        16 => raw[0] != 0 ? "t" : "f",
        20 => BinaryPrimitives.ReadInt64BigEndian(raw).ToString(CultureInfo.InvariantCulture),
        21 => BinaryPrimitives.ReadInt16BigEndian(raw).ToString(CultureInfo.InvariantCulture),
        23 => BinaryPrimitives.ReadInt32BigEndian(raw).ToString(CultureInfo.InvariantCulture),
        700 => BinaryPrimitives.ReadSingleBigEndian(raw).ToString("R", CultureInfo.InvariantCulture),
        701 => BinaryPrimitives.ReadDoubleBigEndian(raw).ToString("R", CultureInfo.InvariantCulture),
        2950 => new Guid(raw, bigEndian: true).ToString(),
        3802 => Encoding.UTF8.GetString(raw[1..]),   // version byte, then the text
        1114 or 1184 => Epoch.AddTicks(BinaryPrimitives.ReadInt64BigEndian(raw) * 10).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + (oid == 1184 ? "+00" : ""),
        1082 => DateOnly.FromDateTime(Epoch.AddDays(BinaryPrimitives.ReadInt32BigEndian(raw))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        17 => "\\x" + Convert.ToHexString(raw).ToLowerInvariant(),
        _ when ElementOf(oid) is { } element => Array(element, raw),
        25 or 1043 or 114 or 19 or 1042 or 705 or 0 => Encoding.UTF8.GetString(raw),
        _ => throw new NotSupportedException($"The capture cannot read a binary parameter of type oid {oid}; add it to PgText.")
    };

    private static string Array(uint element, ReadOnlySpan<byte> raw)
    {
        var dimensions = BinaryPrimitives.ReadInt32BigEndian(raw);
        if (dimensions == 0) return "{}";
        if (dimensions != 1) throw new NotSupportedException("The capture reads one-dimensional arrays only.");
        var count = BinaryPrimitives.ReadInt32BigEndian(raw[12..]);
        var at = 20;
        var items = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(raw[at..]);
            at += 4;
            if (length < 0) { items.Add("NULL"); continue; }
            items.Add(Quote(FromBinary(element, raw.Slice(at, length))));
            at += length;
        }
        return "{" + string.Join(',', items) + "}";
    }

    private static string Quote(string item) =>
        item.Length > 0 && !item.Equals("NULL", StringComparison.OrdinalIgnoreCase) && item.All(c => c is not ('{' or '}' or ',' or '"' or '\\') && !char.IsWhiteSpace(c))
            ? item
            : "\"" + item.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
