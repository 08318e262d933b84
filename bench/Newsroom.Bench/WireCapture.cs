using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Newsroom.Bench;

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
