namespace DigitalInitiativer.Api.Analytics.Disclosure;

/// <summary>What a reader of protected figures must know, in words, returned with the figures.</summary>
public static class DisclosureCaveats
{
    public static IEnumerable<string> For(DisclosureRules rules, bool anyWithheld)
    {
        if (rules.MaximumPerturbation > 0)
            yield return $"Counts are perturbed to protect individuals: each published count lies within ±{rules.MaximumPerturbation} of the true count, and the same people "
                + "always give the same count. Each cell is perturbed on its own, so cells and their totals may not add up exactly; shares, coverage and intervals are computed "
                + "from the published counts.";
        if (anyWithheld)
            yield return $"Some figures are withheld (null, suppressed: true) because they rest on fewer than {rules.MinimumGroupSize} people or could be worked out from figures that do.";
    }
}
