using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Analytics;

/// <summary>The error messages of the figures that people read.</summary>
public static class AnalyticsTexts
{
    public static readonly Text ToBeforeFrom = new("'to' ({0:yyyy-MM-dd}) ligger før 'from' ({1:yyyy-MM-dd}).", "'to' ({0:yyyy-MM-dd}) is before 'from' ({1:yyyy-MM-dd}).");
    public static readonly Text PeriodWithGroupByKind = new(
        "'from' og 'to' kan ikke kombineres med 'groupByKind': en types række tæller altid alle initiativer af typen. "
            + "Udelad 'groupByKind' for at se initiativerne i en periode enkeltvis.",
        "'from' and 'to' cannot be combined with 'groupByKind': a kind's row always counts every initiative of the kind. "
            + "Leave out groupByKind to read the initiatives of a period one by one.");
    public static readonly Text WavesOutOfOrder = new(
        "'fromWaveId' ({0}) skal være en tidligere måling end 'toWaveId' ({1}).",
        "'fromWaveId' ({0}) must be an earlier wave than 'toWaveId' ({1}).");
    public static readonly Text InitiativeOrKind = new("Angiv enten 'initiativeId' eller 'initiativeKind', ikke begge.", "Give either 'initiativeId' or 'initiativeKind', not both.");
    public static readonly Text NoInitiative = new("Intet initiativ har id'et i '{0}'.", "No initiative has the id in '{0}'.");
    public static readonly Text NoWave = new("Ingen måling har id'et i '{0}'.", "No survey wave has the id in '{0}'.");
    public static readonly Text NoUnit = new("Ingen organisationsenhed har id'et i '{0}'.", "No organisation unit has the id in '{0}'.");

    // Who counts as a participant in profileTransitions
    public static readonly Text ParticipantsTookPart = new(
        "Deltagerne deltog i {0}: en deltagelse, der ikke blev afbrudt, og som startede (eller, hvis den aldrig startede, blev tilmeldt) efter {1:yyyy-MM-dd} "
            + "og senest {2:yyyy-MM-dd}. Alle andre, der er vurderet i begge målinger, er ikke-deltagere.",
        "Participants took part in {0}: a participation that was not withdrawn and started (or, if it never started, was enrolled) after {1:yyyy-MM-dd} "
            + "and on or before {2:yyyy-MM-dd}. Everyone else assessed in both waves is a non-participant.");
    public static readonly Text TheInitiative = new("initiativet {0} »{1}«", "the initiative {0} ({1})");
    public static readonly Text AnInitiativeOfKind = new("et initiativ af typen {0}", "an initiative of kind {0}");
    public static readonly Text AnyInitiative = new("et hvilket som helst initiativ", "any initiative");

    // The caveats of profileTransitions
    public static readonly Text SelfSelection = new(
        "Selvselektion: folk valgte selv at deltage, så deltagerne kan adskille sig fra ikke-deltagerne på måder, der også påvirker, hvordan de flytter sig. "
            + "Forskellen er en sammenhæng, ikke et bevis for, at initiativerne var årsagen.",
        "Self-selection: people chose to take part, so participants may differ from non-participants in ways that also affect how they move. "
            + "The difference is an association, not proof that the initiatives caused it.");
    public static readonly Text ParallelTrends = new(
        "To målinger kan ikke teste parallelle tendenser: med én måling før og én efter viser intet, at begge grupper udviklede sig ens forinden, "
            + "hvilket difference-in-differences-læsningen forudsætter.",
        "Two waves cannot test parallel trends: with one measurement before and one after, nothing shows that both groups were moving alike beforehand, "
            + "which the difference-in-differences reading assumes.");
    public static readonly Text FloorAndCeiling = new(
        "Gulv og loft: ingen i SELF_DRIVEN kan rykke op, og ingen i AWAITING kan rykke ned, så grupper, der starter på forskellige niveauer, har forskelligt spillerum.",
        "Floor and ceiling: nobody in SELF_DRIVEN can move up and nobody in AWAITING can move down, so groups that start at different levels have different room to move.");
    public static readonly Text BothWavesOnly = new(
        "Kun personer, der er vurderet i begge målinger, tælles med; personer, der kom til, stoppede eller sprang en måling over, er udeladt.",
        "Only people assessed in both waves are counted; people who joined, left or skipped a wave are left out.");
    public static readonly Text WaldInterval = new(
        "95 %-intervallet er en normal (Wald-)tilnærmelse for forskellen mellem to andele, der behandler personerne som uafhængige; det er upålideligt for små grupper.",
        "The 95 % interval is a normal (Wald) approximation for a difference of two proportions that treats people as independent; it is unreliable for small groups.");
}
