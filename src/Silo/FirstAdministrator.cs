using System.Net;
using System.Net.Sockets;
using HccOrleans.Api.Accounts;
using HccOrleans.Api.Hosting;
using HccOrleans.Grains.Interfaces;
using HccOrleans.Grains.Interfaces.Model;
using HccOrleans.Silo.Hosting;
using Microsoft.AspNetCore.Identity;

namespace HccOrleans.Silo;

/// <summary>
/// <c>create-admin &lt;userName&gt; "&lt;full name&gt;"</c>: enters the first administrator of a new installation (or a
/// new one, when every administrator is locked out): a person of the directory with the admin role, a password
/// (from <c>HCC_ADMIN_PASSWORD</c>, else read from standard input), and an authenticator key printed once, since an
/// administrator signs in with a TOTP code. It joins the cluster as a short-lived silo on ports of its own, so the
/// engine may be running meanwhile.
/// </summary>
public static class FirstAdministrator
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var userName, var fullName, ..] || string.IsNullOrWhiteSpace(fullName))
        {
            await Console.Error.WriteLineAsync("usage: create-admin <userName> \"<full name>\"  (password from HCC_ADMIN_PASSWORD, else standard input)");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(args[2..]);
        if (builder.Configuration.GetConnectionString("Hcc") is not { Length: > 0 })
        {
            await Console.Error.WriteLineAsync("create-admin needs ConnectionStrings__Hcc: the embedded default keeps nothing, and offers demo users instead.");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("HCC_ADMIN_PASSWORD") ?? await Console.In.ReadLineAsync() ?? "";
        builder.Configuration["Seed:Demo"] = "false";
        builder.Configuration["Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Orleans:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddHccSilo();
        builder.AddHccApi();
        await using var app = builder.Build();
        await app.StartAsync();
        try
        {
            return await EnterAsync(app.Services, userName, fullName.Trim(), password);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<int> EnterAsync(IServiceProvider services, string userName, string fullName, string password)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        await using var scope = services.CreateAsyncScope();
        var passwords = scope.ServiceProvider.GetRequiredService<StaffPasswords>();
        if (await passwords.CheckAsync(userName, password) is { } weak)
        {
            await Console.Error.WriteLineAsync($"The password was refused, nothing was entered: {weak.Detail}");
            return 1;
        }

        var person = await grains.Reference<IPeopleDirectoryGrain>(GrainKeys.People).PutAsync(new Person(userName, fullName, "Quản trị hệ thống", "", [Role.Admin], true));
        if (person.Rejection is { } refused)
        {
            await Console.Error.WriteLineAsync($"The person was refused: {refused.Detail} {string.Join(" ", (refused.Errors ?? []).Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
            return 1;
        }

        if (await passwords.SetAsync(userName, password) is { } refusedPassword)
        {
            await Console.Error.WriteLineAsync($"The password was refused: {refusedPassword.Detail}");
            return 1;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var account = (await users.FindByNameAsync(userName))!;
        await users.ResetAuthenticatorKeyAsync(account);
        await users.SetTwoFactorEnabledAsync(account, true);
        Console.WriteLine($"Administrator {userName} ({fullName}) entered. Add this key to an authenticator app; it is not shown again:");
        Console.WriteLine($"authenticator-key: {account.AuthenticatorKey}");
        Console.WriteLine(Totp.KeyUri(userName, account.AuthenticatorKey!));
        return 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
