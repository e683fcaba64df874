using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HccOrleans.Grains.Interfaces.Settings;

/// <summary>
/// Settings bound once per process and checked before anything runs. The first call binds the section, validates
/// it (data annotations, then <see cref="IValidatableObject"/>) and registers the instance as the process's
/// <see cref="IOptions{TOptions}"/>; every later call (the silo's hosting, the API's, the grain services') gets that
/// same instance. A wrong value stops the start with the section, the setting and why.
/// </summary>
public static class BoundSettings
{
    public static T BindOnce<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, new()
    {
        if (services.LastOrDefault(d => d.ServiceType == typeof(IOptions<T>))?.ImplementationInstance is IOptions<T> bound)
        {
            return bound.Value;
        }

        var value = Checked(configuration, section, new T());
        services.AddSingleton(Options.Create(value));
        return value;
    }

    /// <summary>
    /// A section bound over <paramref name="defaults"/> and checked, for settings a provider takes at registration
    /// (one class may serve two sections with different defaults, so nothing is registered).
    /// </summary>
    public static T Checked<T>(IConfiguration configuration, string section, T defaults)
        where T : class
    {
        configuration.GetSection(section).Bind(defaults);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(defaults, new ValidationContext(defaults), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(section, typeof(T),
                [.. results.Select(r => $"{section}:{string.Join(", ", r.MemberNames)} {r.ErrorMessage}")]);
        }

        return defaults;
    }
}
