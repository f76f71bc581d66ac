namespace DigitalInitiativer.Api.Analytics.Disclosure;

/// <summary>What a reader of protected figures must know, in words (in the caller's language), returned with the figures.</summary>
public static class DisclosureCaveats
{
    public static IEnumerable<string> For(DisclosureRules rules, bool anyWithheld)
    {
        if (rules.Perturbs)
        {
            yield return DisclosureTexts.Perturbed.Format(rules.MaximumPerturbation);
            if (anyWithheld)
                yield return DisclosureTexts.WithheldPerturbed.Format(rules.MinimumGroupSize, rules.MinimumBreakdownSize);
        }
        else if (anyWithheld)
            yield return DisclosureTexts.WithheldSmall.Format(rules.MinimumGroupSize);
    }
}
