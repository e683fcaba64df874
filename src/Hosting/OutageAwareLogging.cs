using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HccOrleans.Hosting;

/// <summary>
/// Puts every log provider of the process behind <see cref="DatabaseOutage"/>: an entry whose exception says only that
/// PostgreSQL is away (Orleans' activation errors, the storage provider's, the reminder service's, the API's 503s) is
/// counted there instead of written, so an outage is a few lines however much traffic meets it. Every other entry,
/// and every exception that is not the database being away, is written as before.
/// </summary>
public static class OutageAwareLogging
{
    /// <summary>Call after every provider is added (the host's defaults are).</summary>
    public static IServiceCollection AddOutageAwareLogging(this IServiceCollection services)
    {
        services.TryAddSingleton<DatabaseOutage>();
        var providers = services.Where(d => d.ServiceType == typeof(ILoggerProvider)).ToArray();
        for (var i = 0; i < providers.Length; i++)
        {
            // Every provider holds the entry back; the first one counts it.
            var (provider, counts) = (providers[i], i == 0);
            services.Remove(provider);
            services.AddSingleton<ILoggerProvider>(sp => new Provider(Create(sp, provider), sp, counts));
        }

        return services;
    }

    private static ILoggerProvider Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance as ILoggerProvider
        ?? descriptor.ImplementationFactory?.Invoke(services) as ILoggerProvider
        ?? (ILoggerProvider)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);

    private sealed class Provider(ILoggerProvider inner, IServiceProvider services, bool counts) : ILoggerProvider, ISupportExternalScope
    {
        // Resolved at the first entry to count: the outage logs through the factory this provider is part of.
        private readonly Lazy<DatabaseOutage?> _outage = new(() => counts ? services.GetRequiredService<DatabaseOutage>() : null);

        public ILogger CreateLogger(string categoryName) => new Logger(inner.CreateLogger(categoryName), _outage);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (inner as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class Logger(ILogger inner, Lazy<DatabaseOutage?> outage) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning && DatabaseOutage.IsUnreachable(exception))
            {
                outage.Value?.Failed(exception!);
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
