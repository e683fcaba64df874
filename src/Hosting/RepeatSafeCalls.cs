using System.Reflection;

namespace HccOrleans.Hosting;

/// <summary>
/// Makes a grain call once more when its target silo left before answering (<see cref="SiloUnavailableException"/>,
/// as when a silo shuts down gracefully between routing a call and answering it) and repeating it cannot apply
/// anything twice: a <see cref="RepeatSafeAttribute"/> method, or an action that carries the version it expects
/// (the version check refuses a second application). The repeat goes where the grain lives now. Anything else stays
/// a 503 for the client to decide, which alone knows whether its request may be repeated.
/// </summary>
public sealed partial class RepeatSafeCalls(ILogger<RepeatSafeCalls> logger) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (SiloUnavailableException) when (SafeToRepeat(context))
        {
            await RepeatAsync(context);
            return;
        }

        if (context.Response?.Exception is SiloUnavailableException && SafeToRepeat(context))
        {
            await RepeatAsync(context);
        }
    }

    private async Task RepeatAsync(IOutgoingGrainCallContext context)
    {
        LogRepeated(logger, context.InterfaceName, context.MethodName);
        await context.Invoke();
    }

    private static bool SafeToRepeat(IGrainCallContext context) => SafeToRepeat(context.InterfaceMethod, i => context.Request.GetArgument(i));

    /// <summary>Whether a call of <paramref name="method"/> with these arguments may be made twice.</summary>
    public static bool SafeToRepeat(MethodInfo? method, Func<int, object?> argument) =>
        method?.GetCustomAttribute<RepeatSafeAttribute>() is not null
        || (method?.DeclaringType == typeof(IDossierGrain) && method.Name == nameof(IDossierGrain.ActAsync)
            && argument(1) is ActorContext { ExpectedVersion: not null });

    [LoggerMessage(Level = LogLevel.Information, Message = "Repeated {Interface}.{Method}: its target silo left before answering")]
    private static partial void LogRepeated(ILogger logger, string @interface, string method);
}
