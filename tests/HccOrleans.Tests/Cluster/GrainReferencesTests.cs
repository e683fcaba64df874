using System.Reflection;

namespace HccOrleans.Tests.Cluster;

[Collection(ClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class GrainReferencesTests(ClusterFixture fixture) : GrainTestBase(fixture)
{
    public static TheoryData<Type> KeyedInterfaces => [.. typeof(IDossierGrain).Assembly.GetTypes()
        .Where(t => t.IsInterface && (typeof(IGrainWithStringKey).IsAssignableFrom(t) || typeof(IGrainWithIntegerKey).IsAssignableFrom(t)))];

    [Theory]
    [MemberData(nameof(KeyedInterfaces))]
    public void AReference_AddressesTheGrain_OrleansOwnLookupAddresses(Type grainInterface)
    {
        var stringKeyed = typeof(IGrainWithStringKey).IsAssignableFrom(grainInterface);
        object[] keys = stringKeyed ? ["first key", "9.000.00.01.H47-261204-0001"] : [2026L, 7L];
        foreach (var key in keys)
        {
            var ours = (GrainReference)Call(typeof(GrainReferences), nameof(GrainReferences.Reference), grainInterface, [Grains, key]);
            var theirs = (GrainReference)Call(Grains.GetType(), nameof(IGrainFactory.GetGrain), grainInterface, [key, null], Grains);

            Assert.Equal(theirs.GrainId, ours.GrainId);
            Assert.Equal(theirs.InterfaceType, ours.InterfaceType);
            Assert.IsAssignableFrom(grainInterface, ours);
        }
    }

    [Fact]
    public async Task AReference_ReachesItsGrain()
    {
        var code = (await SubmitAsync()).Code;

        Assert.True(await Grains.Reference<IDossierGrain>(code).ExistsAsync());
        Assert.False(await Grains.Reference<IDossierGrain>(code + "-none").ExistsAsync());
    }

    private static object Call(Type owner, string name, Type grainInterface, object?[] arguments, object? target = null)
    {
        var keyType = arguments[target is null ? 1 : 0]!.GetType();
        var method = owner.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
            .Single(m => m.Name == name && m.IsGenericMethodDefinition && m.GetParameters().Length == arguments.Length
                && m.GetParameters()[target is null ? 1 : 0].ParameterType == keyType);
        return method.MakeGenericMethod(grainInterface).Invoke(target, arguments)!;
    }
}
