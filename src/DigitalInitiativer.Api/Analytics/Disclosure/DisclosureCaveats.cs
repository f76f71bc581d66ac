namespace DigitalInitiativer.Api.Analytics.Disclosure;

/// <summary>What a reader of protected figures must know, in words, returned with the figures.</summary>
public static class DisclosureCaveats
{
    public static IEnumerable<string> For(DisclosureRules rules, bool anyWithheld)
    {
        if (rules.Perturbs)
        {
            yield return $"Counts are perturbed to protect individuals: each published count lies within ±{rules.MaximumPerturbation} of the true count, and the same people "
                + "always give the same count. Each cell is perturbed on its own, so cells and their totals may not add up exactly; shares, coverage and intervals are computed "
                + "from the published counts. Participations are counted as they were at the last refresh (once a day by default), so a new record shows up in the figures later.";
            if (anyWithheld)
                yield return $"Some figures are withheld (null, suppressed: true): a count is shown only when its perturbed value is at least {rules.MinimumGroupSize}, so a "
                    + "withheld count may be 0 or small; a profile that holds all but a few of its group is not shown, so that no figure says everyone shares one profile; "
                    + $"and profiles are broken down only for groups of at least {rules.MinimumBreakdownSize} people assessed.";
        }
        else if (anyWithheld)
            yield return $"Some figures are withheld (null, suppressed: true) because they rest on fewer than {rules.MinimumGroupSize} people or could be worked out from figures that do.";
    }
}
