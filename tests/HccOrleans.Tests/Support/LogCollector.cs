using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HccOrleans.Tests.Support;

/// <summary>Every log line a host writes, with its structured values, for tests that read what an operator would.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyCollection<LogLine> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Collecting(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Collecting(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            lines.Enqueue(new LogLine(category, logLevel, eventId.Id, formatter(state, exception) + (exception is null ? "" : " " + exception),
                values.ToDictionary(v => v.Key, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture))));
        }
    }
}

public sealed record LogLine(string Category, LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, string?> Values);
