using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Analytics.Disclosure;

/// <summary>The caveats that come with protected figures, as evaluators read them.</summary>
public static class DisclosureTexts
{
    public static readonly Text Perturbed = new(
        "Antallene er ændret en smule for at beskytte den enkelte: hvert offentliggjort antal ligger inden for ±{0} af det sande antal, og de samme personer "
            + "giver altid det samme antal. Hver celle ændres for sig, så celler og deres totaler passer ikke nødvendigvis helt sammen; andele, dækning og intervaller "
            + "beregnes ud fra de offentliggjorte antal. Deltagelser tælles, som de var ved seneste opdatering (som standard én gang i døgnet), så en ny registrering "
            + "først viser sig i tallene senere.",
        "Counts are perturbed to protect individuals: each published count lies within ±{0} of the true count, and the same people "
            + "always give the same count. Each cell is perturbed on its own, so cells and their totals may not add up exactly; shares, coverage and intervals are computed "
            + "from the published counts. Participations are counted as they were at the last refresh (once a day by default), so a new record shows up in the figures later.");

    public static readonly Text WithheldPerturbed = new(
        "Nogle tal er tilbageholdt (null, suppressed: true): et antal vises kun, når dets ændrede værdi er mindst {0}, så et tilbageholdt antal kan være 0 eller lille; "
            + "en profil, der rummer næsten hele sin gruppe, vises ikke, så intet tal siger, at alle har den samme profil; "
            + "og profiler fordeles kun for grupper med mindst {1} vurderede personer.",
        "Some figures are withheld (null, suppressed: true): a count is shown only when its perturbed value is at least {0}, so a "
            + "withheld count may be 0 or small; a profile that holds all but a few of its group is not shown, so that no figure says everyone shares one profile; "
            + "and profiles are broken down only for groups of at least {1} people assessed.");

    public static readonly Text WithheldSmall = new(
        "Nogle tal er tilbageholdt (null, suppressed: true), fordi de bygger på færre end {0} personer eller kan regnes ud fra tal, der gør.",
        "Some figures are withheld (null, suppressed: true) because they rest on fewer than {0} people or could be worked out from figures that do.");
}
