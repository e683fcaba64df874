using System.Reflection;
using HccOrleans.Api.Hosting;
using HccOrleans.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization.Invocation;

namespace HccOrleans.Tests.Operate;

/// <summary>
/// A call whose target silo left before answering is made once more only when a repeat cannot apply anything twice:
/// reads, keyed submissions and versioned actions; everything else reaches the client as the failure it was.
/// </summary>
[Trait("Category", "Operate")]
public sealed class RepeatSafeCallsTests
{
    private static readonly Actor Officer = new("officer", [Role.Officer], "ONE");

    [Fact]
    public async Task ASubmissionWhoseSiloLeft_IsMadeAgainAndAnswered()
    {
        var call = new Call(typeof(ISubmissionGrain).GetMethod(nameof(ISubmissionGrain.SubmitAsync))!, [], new SiloUnavailableException("left"));

        await new RepeatSafeCalls(NullLogger<RepeatSafeCalls>.Instance).Invoke(call);

        Assert.Equal((2, null), (call.Invocations, call.Response!.Exception));
    }

    [Theory]
    [InlineData(3L, 2)]
    [InlineData(null, 1)]
    public async Task AnActionWhoseSiloLeft_IsMadeAgainOnlyWithItsVersion(long? expectedVersion, int invocations)
    {
        var act = typeof(IDossierGrain).GetMethod(nameof(IDossierGrain.ActAsync))!;
        var call = new Call(act, [DossierAction.Appraise, new ActorContext(Officer, expectedVersion), new ActionFields()], new SiloUnavailableException("left"));

        await new RepeatSafeCalls(NullLogger<RepeatSafeCalls>.Instance).Invoke(call);

        Assert.Equal(invocations, call.Invocations);
        Assert.Equal(invocations == 1, call.Response!.Exception is SiloUnavailableException);
    }

    [Fact]
    public async Task ASubmissionWhoseSiloLeft_ThrownRatherThanAnswered_IsMadeAgain()
    {
        var call = new Call(typeof(ISubmissionGrain).GetMethod(nameof(ISubmissionGrain.SubmitAsync))!, [], new SiloUnavailableException("left"), thrown: true);

        await new RepeatSafeCalls(NullLogger<RepeatSafeCalls>.Instance).Invoke(call);

        Assert.Equal((2, null), (call.Invocations, call.Response!.Exception));
    }

    [Fact]
    public async Task AReadThatTimedOut_IsNotRepeated()
    {
        var call = new Call(typeof(IDossierGrain).GetMethod(nameof(IDossierGrain.GetAsync))!, [Officer], new TimeoutException("slow"));

        await new RepeatSafeCalls(NullLogger<RepeatSafeCalls>.Instance).Invoke(call);

        Assert.Equal(1, call.Invocations);
    }

    [Fact]
    public void EveryRead_OfTheDossierGrain_IsMarkedRepeatSafe() => Assert.All(
        new[] { nameof(IDossierGrain.GetAsync), nameof(IDossierGrain.OffersAsync), nameof(IDossierGrain.LookupAsync), nameof(IDossierGrain.CreateAsync) },
        name => Assert.True(RepeatSafeCalls.SafeToRepeat(typeof(IDossierGrain).GetMethod(name), _ => null), name));

    /// <summary>A call whose first attempt fails with <paramref name="firstFailure"/> and whose next ones succeed.</summary>
    private sealed class Call(MethodInfo method, object?[] arguments, Exception firstFailure, bool thrown = false) : IOutgoingGrainCallContext
    {
        public int Invocations { get; private set; }

        public Response? Response { get; set; }

        public object? Result { get; set; }

        public MethodInfo InterfaceMethod => method;

        public string MethodName => method.Name;

        public string InterfaceName => method.DeclaringType!.Name;

        public IInvokable Request => new Arguments(arguments);

        public Task Invoke()
        {
            Response = ++Invocations == 1 ? Response.FromException(firstFailure) : Response.Completed;
            return thrown && Invocations == 1 ? Task.FromException(firstFailure) : Task.CompletedTask;
        }

        public object Grain => throw new NotSupportedException();

        public GrainId? SourceId => null;

        public GrainId TargetId => GrainId.Create("test", "call");

        public GrainInterfaceType InterfaceType => throw new NotSupportedException();

        public IGrainContext? SourceContext => null;
    }

    private sealed class Arguments(object?[] values) : IInvokable
    {
        public object? GetArgument(int index) => values[index];

        public int GetArgumentCount() => values.Length;

        public object? GetTarget() => throw new NotSupportedException();

        public void SetTarget(ITargetHolder holder) => throw new NotSupportedException();

        public ValueTask<Response> Invoke() => throw new NotSupportedException();

        public void SetArgument(int index, object value) => throw new NotSupportedException();

        public string GetMethodName() => throw new NotSupportedException();

        public string GetInterfaceName() => throw new NotSupportedException();

        public string GetActivityName() => throw new NotSupportedException();

        public MethodInfo GetMethod() => throw new NotSupportedException();

        public Type GetInterfaceType() => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
