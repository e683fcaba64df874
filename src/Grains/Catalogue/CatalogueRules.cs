using HccOrleans.Grains.Calendar;
using HccOrleans.Grains.Validation;

namespace HccOrleans.Grains.Catalogue;

/// <summary>What the administrator's catalogue, calendar and unit writes must satisfy.</summary>
public static class CatalogueRules
{
    public static ValidationErrors Validate(ProcedureDefinition? procedure)
    {
        var errors = new ValidationErrors();
        if (procedure is null)
        {
            return errors.Add("body", "is required.");
        }

        errors.Require("name", procedure.Name, 500)
            .Require("field", procedure.Field, 200)
            .Defined("onlineLevel", procedure.OnlineLevel);
        if (procedure.CompetentLevel is { } level)
        {
            errors.Defined("competentLevel", level);
        }

        if (!procedure.NamedPerDossier)
        {
            errors.Require("agencyCode", procedure.AgencyCode, 64);
        }
        else if (!string.IsNullOrEmpty(procedure.AgencyCode))
        {
            errors.Add("agencyCode", "must be left out for a commune-level procedure: each dossier names the commune that handles it.");
        }

        ValidateInterAgency(errors, procedure);
        if (procedure.SupplementPolicy is { } policy)
        {
            errors.Defined("supplementPolicy", policy);
        }

        foreach (var (field, value, most) in new[]
        {
            ("onlineReceptionWorkingHours", procedure.OnlineReceptionWorkingHours, 240),
            ("supplementClosureDays", procedure.SupplementClosureDays, 365),
            ("timelySupplementWorkingDays", procedure.TimelySupplementWorkingDays, 60),
        })
        {
            if (value is < 1 || value > most)
            {
                errors.Add(field, $"must be between 1 and {most} when sector law sets it; leave it out for the regime's own period.");
            }
        }

        if (procedure.Fee < 0)
        {
            errors.Add("fee", "must not be negative.");
        }

        ValidateContents(errors, procedure);
        ValidateTime(errors, "processingTime", procedure.ProcessingTime);
        if (procedure.OnlineProcessingTime is { } online)
        {
            ValidateTime(errors, "onlineProcessingTime", online);
        }

        var steps = procedure.Steps ?? [];
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            if (step is null || step.Step == ProcessingStep.None || !Enum.IsDefined(step.Step))
            {
                errors.Add($"steps[{i}].step", "must be appraise, approve or return.");
                continue;
            }

            // A commune-level procedure's steps may leave the agency out: the dossier's commune performs them.
            if (!procedure.NamedPerDossier || step.AgencyCode is not null)
            {
                errors.Require($"steps[{i}].agencyCode", step.AgencyCode, 64);
            }

            if (step.Share is <= 0 or > 1)
            {
                errors.Add($"steps[{i}].share", "must be greater than 0 and at most 1.");
            }
        }

        if (steps.Where(s => s is not null).GroupBy(s => s.Step).Any(g => g.Count() > 1))
        {
            errors.Add("steps", "name each step at most once.");
        }

        if (steps.Length > 0 && steps.All(s => s is not null) && steps.Sum(s => s.Share) > 1)
        {
            errors.Add("steps", "shares must add up to at most 1.");
        }

        return errors;
    }

    /// <summary>The components it asks for, the results it issues and the fees it takes, as the published catalogue entry lists them.</summary>
    private static void ValidateContents(ValidationErrors errors, ProcedureDefinition procedure)
    {
        var components = procedure.Components ?? [];
        for (var i = 0; i < components.Length; i++)
        {
            errors.Require($"components[{i}].name", components[i]?.Name, 300);
            if (components[i]?.Exempt is { } exempt && !ExemptReasons.All.ContainsKey(exempt))
            {
                errors.Add($"components[{i}].exempt", $"must be one of {string.Join(", ", ExemptReasons.All.Keys)}.");
            }
        }

        var types = procedure.ResultTypes ?? [];
        for (var i = 0; i < types.Length; i++)
        {
            errors.Require($"resultTypes[{i}].code", types[i]?.Code, 40).Require($"resultTypes[{i}].name", types[i]?.Name, 300);
            if (types[i]?.Code is { } code && code.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
            {
                errors.Add($"resultTypes[{i}].code", "must be letters, digits and hyphens: it numbers the result documents.");
            }
        }

        if (types.Where(t => t?.Code is not null).GroupBy(t => t.Code).Any(g => g.Count() > 1))
        {
            errors.Add("resultTypes", "name each code once.");
        }

        var fees = procedure.Fees ?? [];
        for (var i = 0; i < fees.Length; i++)
        {
            errors.Require($"fees[{i}].name", fees[i]?.Name, 300).Amount(fees[i]?.Amount, "the fee in đồng", $"fees[{i}].amount");
            if (fees[i] is { } fee)
            {
                errors.Defined($"fees[{i}].when", fee.When);
            }
        }

        foreach (var (field, count, most) in new[] { ("components", components.Length, 100), ("resultTypes", types.Length, 20), ("fees", fees.Length, 20) })
        {
            if (count > most)
            {
                errors.Add(field, $"must list at most {most}.");
            }
        }
    }

    /// <summary>Inter-agency work: agencies with orders and time limits, a lead among them that is the procedure's own agency.</summary>
    private static void ValidateInterAgency(ValidationErrors errors, ProcedureDefinition procedure)
    {
        if (procedure.Mode is { } mode)
        {
            errors.Defined("mode", mode);
        }

        var agencies = procedure.Agencies ?? [];
        if (agencies.Length == 0)
        {
            if (procedure.LeadAgency is not null)
            {
                errors.Add("agencies", "are required with a leadAgency: the agencies of the inter-agency work, the lead among them.");
            }

            return;
        }

        for (var i = 0; i < agencies.Length; i++)
        {
            if (agencies[i] is not { } part)
            {
                errors.Add($"agencies[{i}]", "is required.");
                continue;
            }

            errors.Require($"agencies[{i}].agencyCode", part.AgencyCode, 64);
            if (part.Order < 1)
            {
                errors.Add($"agencies[{i}].order", "must be 1 or more.");
            }

            if (part.TimeLimit is null)
            {
                errors.Add($"agencies[{i}].timeLimit", "is required.");
            }
            else
            {
                ValidateTime(errors, $"agencies[{i}].timeLimit", part.TimeLimit);
            }
        }

        if (agencies.Where(a => a is not null).GroupBy(a => a.AgencyCode).Any(g => g.Count() > 1))
        {
            errors.Add("agencies", "name each agency once.");
        }

        if (string.IsNullOrWhiteSpace(procedure.LeadAgency))
        {
            errors.Add("leadAgency", "is required with agencies: the agency that leads the work and issues the result (Decree 118/2025 Art. 20(2)).");
        }
        else if (!agencies.Any(a => a?.AgencyCode == procedure.LeadAgency))
        {
            errors.Add("leadAgency", $"'{procedure.LeadAgency}' is not among the agencies: the lead agency is one of them (Decree 118/2025 Art. 20(2)).");
        }
        else if (!string.IsNullOrEmpty(procedure.AgencyCode) && procedure.AgencyCode != procedure.LeadAgency)
        {
            errors.Add("agencyCode", $"must be the lead agency {procedure.LeadAgency}, which appraises and issues the result.");
        }
    }

    public static ValidationErrors Validate(UnitInfo? unit)
    {
        var errors = new ValidationErrors();
        if (unit is null)
        {
            return errors.Add("body", "is required.");
        }

        errors.Require("agencyCode", unit.AgencyCode, 64)
            .Require("name", unit.Name, 300)
            .Require("electronicId", unit.ElectronicId, 40)
            .Defined("kind", unit.Kind)
            .Defined("level", unit.Level)
            .Optional("parent", unit.Parent, 64)
            .Optional("successor", unit.Successor, 64);
        if (unit.ValidFrom > unit.ValidTo)
        {
            errors.Add("validTo", "must not be before validFrom.");
        }

        if (unit.Successor is not null && unit.ValidTo is null)
        {
            errors.Add("validTo", "is required with a successor: the unit ends the day before its successor takes over.");
        }

        if (unit.Successor == unit.AgencyCode || unit.Parent == unit.AgencyCode)
        {
            errors.Add(unit.Successor == unit.AgencyCode ? "successor" : "parent", "must be another unit.");
        }

        if (!string.IsNullOrEmpty(unit.ElectronicId) && !unit.ElectronicId.All(c => char.IsAsciiLetterOrDigit(c) || c == '.'))
        {
            errors.Add("electronicId", "may contain only letters, digits and dots, e.g. 000.00.20.H47.");
        }

        return errors;
    }

    public static ValidationErrors ValidateCalendar(int year, DateOnly[]? holidays, DateOnly[]? workingDays)
    {
        var errors = new ValidationErrors();
        if (year is < 2000 or > 2100)
        {
            errors.Add("year", "must be between 2000 and 2100.");
        }

        foreach (var day in holidays ?? [])
        {
            if (day.Year != year)
            {
                errors.Add("holidays", $"{day:yyyy-MM-dd} is not in {year}.");
            }
        }

        foreach (var day in (holidays ?? []).Intersect(workingDays ?? []).Order())
        {
            errors.Add("workingDays", $"{day:yyyy-MM-dd} is also listed as a day off; a date is either off or worked.");
        }

        foreach (var day in workingDays ?? [])
        {
            if (day.Year != year)
            {
                errors.Add("workingDays", $"{day:yyyy-MM-dd} is not in {year}.");
            }
            else if (!HolidayYear.IsWeekend(day))
            {
                errors.Add("workingDays", $"{day:yyyy-MM-dd} is not a weekend day; only weekend days can be swapped into working days.");
            }
        }

        return errors;
    }

    /// <summary>Whether two definitions are the same, so that re-sending one does not create a version.</summary>
    public static bool SameDefinition(ProcedureDefinition a, ProcedureDefinition b) =>
        a with { Steps = [] } == b with { Steps = [] } && (a.Steps ?? []).SequenceEqual(b.Steps ?? []);

    private static void ValidateTime(ValidationErrors errors, string field, ProcessingTime? time)
    {
        if (time is null)
        {
            errors.Add(field, "is required.");
            return;
        }

        errors.Defined($"{field}.unit", time.Unit);
        if (time.Value is <= 0 or > 3650)
        {
            errors.Add($"{field}.value", "must be greater than 0 and at most 3650.");
        }
        else if (time.Unit == TimeUnit.Days && time.Value != decimal.Truncate(time.Value))
        {
            errors.Add($"{field}.value", "must be a whole number of days.");
        }
    }
}
