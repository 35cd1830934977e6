using System.Collections.Concurrent;
using System.Diagnostics;

namespace BrandHub.Modules.Channels.Email.Smtp;

/// <summary>
/// Open SMTP sessions kept for reuse, per endpoint (host, port, security, credentials), at most MaxConnections in use
/// per endpoint at once whatever the number of concurrent batches. Connections go back idle after each use, broken ones
/// are discarded, and idle ones are closed (with QUIT) after <see cref="SmtpClientOptions.IdleTimeout"/>.
/// </summary>
public sealed class SmtpConnectionPool : IAsyncDisposable
{
    private readonly SmtpClientOptions _options;
    private readonly ILogger<SmtpConnectionPool> _log;
    private readonly ConcurrentDictionary<(SmtpEndpoint Endpoint, int MaxConnections), EndpointConnections> _endpoints = new();
    private readonly Timer _sweeper;

    public SmtpConnectionPool(SmtpClientOptions options, ILogger<SmtpConnectionPool> log)
    {
        _options = options;
        _log = log;
        var period = options.IdleTimeout / 2 > TimeSpan.FromMilliseconds(100) ? options.IdleTimeout / 2 : TimeSpan.FromMilliseconds(100);
        _sweeper = new Timer(_ => _ = CloseIdleAsync(), null, period, period);
    }

    /// <summary>
    /// A connection for exclusive use until the lease is disposed: an idle one if there is one, else a new one. Waits
    /// while <paramref name="maxConnections"/> are in use. Throws what <see cref="SmtpConnection.OpenAsync"/> throws.
    /// </summary>
    public async Task<SmtpLease> RentAsync(SmtpEndpoint endpoint, int maxConnections, CancellationToken ct)
    {
        var pool = _endpoints.GetOrAdd((endpoint, Math.Max(1, maxConnections)), key => new EndpointConnections(key.MaxConnections));
        await pool.Slots.WaitAsync(ct);
        try
        {
            while (pool.TryTakeIdle(out var idle))
            {
                if (!idle.IsBroken && Stopwatch.GetElapsedTime(idle.IdleSince) < _options.IdleTimeout) return new SmtpLease(this, pool, idle);
                _ = idle.QuitAsync(); // stale: the server has probably dropped it already
            }
            var connection = await SmtpConnection.OpenAsync(endpoint, _options, ct);
            return new SmtpLease(this, pool, connection);
        }
        catch
        {
            pool.Slots.Release();
            throw;
        }
    }

    internal async ValueTask ReturnAsync(EndpointConnections pool, SmtpConnection connection)
    {
        try
        {
            if (connection.IsBroken || connection.HasPendingFinal) await connection.DisposeAsync(); // a reply still owed: not reusable
            else
            {
                connection.IdleSince = Stopwatch.GetTimestamp();
                pool.PutIdle(connection);
            }
        }
        finally { pool.Slots.Release(); }
    }

    private async Task CloseIdleAsync()
    {
        foreach (var pool in _endpoints.Values)
        {
            foreach (var stale in pool.TakeIdleOlderThan(_options.IdleTimeout))
            {
                try { await stale.QuitAsync(); }
                catch (Exception e) { _log.LogDebug(e, "Closing an idle SMTP connection failed"); }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _sweeper.DisposeAsync();
        foreach (var pool in _endpoints.Values)
            foreach (var idle in pool.TakeIdleOlderThan(TimeSpan.Zero)) await idle.QuitAsync();
    }

    internal sealed class EndpointConnections(int maxConnections)
    {
        private readonly Stack<SmtpConnection> _idle = new();

        public SemaphoreSlim Slots { get; } = new(maxConnections, maxConnections);

        public bool TryTakeIdle(out SmtpConnection connection)
        {
            lock (_idle) return _idle.TryPop(out connection!);
        }

        public void PutIdle(SmtpConnection connection)
        {
            lock (_idle) _idle.Push(connection);
        }

        public List<SmtpConnection> TakeIdleOlderThan(TimeSpan age)
        {
            lock (_idle)
            {
                var all = _idle.Reverse().ToList(); // oldest first, so the freshest end on top again
                _idle.Clear();
                var stale = new List<SmtpConnection>();
                foreach (var c in all)
                {
                    if (c.IsBroken || Stopwatch.GetElapsedTime(c.IdleSince) >= age) stale.Add(c);
                    else _idle.Push(c);
                }
                return stale;
            }
        }
    }
}

/// <summary>Exclusive use of a pooled connection; disposing gives it back (or discards it when broken).</summary>
public sealed class SmtpLease : IAsyncDisposable
{
    private readonly SmtpConnectionPool _pool;
    private readonly SmtpConnectionPool.EndpointConnections _endpoint;
    private int _returned;

    internal SmtpLease(SmtpConnectionPool pool, SmtpConnectionPool.EndpointConnections endpoint, SmtpConnection connection)
    {
        _pool = pool;
        _endpoint = endpoint;
        Connection = connection;
    }

    public SmtpConnection Connection { get; }

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _returned, 1) == 0 ? _pool.ReturnAsync(_endpoint, Connection) : ValueTask.CompletedTask;
}
