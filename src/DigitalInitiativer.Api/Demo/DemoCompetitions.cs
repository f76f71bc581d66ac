using DigitalInitiativer.Api.Competitions;
using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.Initiatives;
using DigitalInitiativer.Api.Organisation;
using DigitalInitiativer.Api.Participations;
using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Demo;

/// <summary>
/// The 2016 competition, finished with realised winners as in the article, and a 2026 competition in VOTING,
/// so voting works straight after dotnet run. demo-0001 to demo-0099 have not voted in 2026 yet.
/// </summary>
internal static class DemoCompetitions
{
    private sealed record Idea(string Title, string Summary, string Problem, string Solution, string Benefit, string Unit);

    private static readonly Idea[] Ideas2016 =
    [
        new("Vagtplan i en app", "Medarbejderne ser og bytter vagter på telefonen.", "Vagtplaner hænger på papir på kontoret og er forældede.", "En app, der viser vagtplanen og lader kolleger bytte vagter.", "Færre telefonopkald og færre fejl i bemandingen.", "SO-HJP"),
        new("Automatisk journalisering af mails", "Mails fra borgere lægges selv på den rigtige sag.", "Sagsbehandlere bruger tid på at journalisere mails i hånden.", "Regler, der genkender sagsnummeret og journaliserer mailen.", "Mere tid til borgerne og mere komplette sager.", "ARB-JC"),
        new("Digital tjekliste ved hjemmebesøg", "Tjeklisten udfyldes på tablet i hjemmet.", "Notater skrives af to gange: i hjemmet og på kontoret.", "En tablet-formular, der sendes direkte til omsorgssystemet.", "Halvt så meget dobbeltarbejde.", "SO-SYG"),
        new("Selvbetjening til lånerkort", "Borgere fornyer lånerkort uden at møde op.", "Fornyelse kræver et besøg i åbningstiden.", "En selvbetjeningsløsning med MitID.", "Kortere køer og mere fleksibel service.", "BK-KUL"),
        new("Fælles kalender for mødelokaler", "Ét sted at se og booke alle mødelokaler.", "Lokaler bookes i tre forskellige systemer.", "Alle lokaler samles i den fælles kalender.", "Færre dobbeltbookinger.", "BD-DIG"),
        new("Mødelokaler i én kalender", "Alle lokaler i samme bookingsystem.", "Det er svært at finde et ledigt lokale.", "Saml bookingen i Outlook.", "Mindre spildtid.", "TM-BYG"),
        new("Robot til indtastning af fakturaer", "En softwarerobot taster fakturaer ind.", "Fakturaer tastes manuelt fra PDF.", "En robot læser fakturaen og opretter den i økonomisystemet.", "Timer sparet hver uge.", "BD-BSC"),
        new("Skærme i frokoststuen", "Nyheder og driftsbeskeder på en skærm.", "Beskeder når ikke ud til dem uden fast computer.", "En infoskærm i hver frokoststue.", "Bedre information til alle.", "TM-VEJ"),
    ];

    private static readonly Idea[] Ideas2026 =
    [
        new("AI-hjælp til referater", "Mødereferater skrives ud fra en optagelse.", "Referater tager lang tid og bliver forskellige.", "En godkendt AI-assistent laver et udkast til referatet.", "Hurtigere og mere ensartede referater.", "BD-DIG"),
        new("Digital nøgleboks i hjemmeplejen", "Nøgler til borgernes hjem i en digital boks.", "Fysiske nøgler bliver væk og skal hentes.", "Digitale låse, der åbnes med medarbejderens telefon.", "Tryghed for borgerne og mindre kørsel.", "SO-HJP"),
        new("Chatbot til ydelsesspørgsmål", "Svar på de hyppigste spørgsmål døgnet rundt.", "Mange ringer om de samme spørgsmål.", "En chatbot på hjemmesiden, der henviser videre ved behov.", "Færre opkald og hurtigere svar.", "ARB-YDL"),
        new("Sensorer i skolernes klasselokaler", "Indeklimaet måles og vises for lærerne.", "Luften bliver dårlig uden at nogen opdager det.", "CO2-sensorer med en lampe, der lyser ved dårlig luft.", "Bedre indlæring.", "BK-SKO"),
        new("Fælles skabeloner til breve", "Ét sæt brevskabeloner på tværs af afdelinger.", "Breve til borgerne ser forskellige ud og er svære at læse.", "Skabeloner i klart sprog i alle fagsystemer.", "Færre henvendelser om uklare breve.", "BD-BSC"),
        new("Digital vagtbytning på plejecentre", "Byt vagter i en app.", "Vagtbytning foregår på sedler.", "Udvid vagtplan-appen til plejecentrene.", "Mindre administration.", "SO-PLC"),
    ];

    public static void Seed(AppDbContext db, IReadOnlyList<Person> persons, Dictionary<string, OrganisationUnit> units, Initiative competition2016, Random random)
    {
        var ideaParticipants = db.ChangeTracker.Entries<Participation>().Select(e => e.Entity)
            .Where(p => p.InitiativeId == competition2016.Id).Select(p => p.PersonId).ToList();

        // 2016: finished and published. Proposals from participants; votes from participants; the best realised.
        // Everything goes through the competition's own rules, at the time it happened.
        var finished = new IdeaCompetition(competition2016);
        Require(finished.Configure(new CompetitionRules(VotesPerPerson: 3, AllowSelfVoting: false, ProposalsPerPerson: 2),
            new CompetitionSchedule(new(2016, 2, 1), new(2016, 4, 1), new(2016, 5, 1), new(2016, 6, 1), new(2016, 9, 30)), utcNow: new DateTime(2016, 1, 15)));
        // Its participants are the initiative's demo participations, recorded when it closed.
        finished.ParticipantsRecorded(new DateTime(2016, 6, 1));
        db.Competitions().Add(finished);
        db.SaveChanges();
        var proposals2016 = AddProposals(db, finished, Ideas2016, ideaParticipants, units, new DateTime(2016, 2, 15), random);
        foreach (var i in new[] { 0, 1, 2, 3, 4, 6 }) Require(proposals2016[i].Accept(CompetitionPhase.Review));
        Require(proposals2016[5].MergeInto(proposals2016[4], CompetitionPhase.Review));
        Require(proposals2016[7].Reject("Skærmene findes allerede i de fleste frokoststuer.", CompetitionPhase.Review));
        Require(proposals2016[0].Select("Flest stemmer, og løser et problem i hele hjemmeplejen hver dag.", CompetitionPhase.Closed));
        Require(proposals2016[1].Select("Sparer sagsbehandlerne for tid og gør sagerne mere komplette.", CompetitionPhase.Closed));
        Require(proposals2016[2].Select("Fjerner dobbeltarbejde ved hvert hjemmebesøg.", CompetitionPhase.Closed));
        Require(proposals2016[0].Realise(new Realisation(RealisationStatus.Done, new DateOnly(2017, 1, 9),
            "Vagtplan-appen blev udviklet sammen med leverandøren og bruges nu i hele hjemmeplejen.", null, "Vagtplan-appen"), CompetitionPhase.ResultsPublished, new DateOnly(2017, 1, 9)));
        Require(proposals2016[1].Realise(new Realisation(RealisationStatus.Done, new DateOnly(2016, 11, 21),
            "Mails med sagsnummer journaliseres automatisk i ESDH-systemet.", null, "Automatisk journalisering"), CompetitionPhase.ResultsPublished, new DateOnly(2017, 1, 9)));
        db.SaveChanges();
        AddMilestones(db, proposals2016[0], [
            new(new(2016, 10, 3), "Krav afklaret med hjemmeplejen", "Ti medarbejdere fra tre distrikter beskrev, hvad appen skal kunne.", 20, true),
            new(new(2016, 11, 14), "Pilot i distrikt Nord", "Appen blev prøvet af 40 medarbejdere i seks uger.", 60, true),
            new(new(2017, 1, 9), "I brug i hele hjemmeplejen", null, 100, true)]);
        AddMilestones(db, proposals2016[1], [
            new(new(2016, 10, 17), "Regler for sagsnumre på plads", "Mails genkendes på sagsnummeret i emnefeltet.", 50, true),
            new(new(2016, 11, 21), "Automatisk journalisering sat i drift", null, 100, true)]);
        AddVotes(db, finished.Id, proposals2016.Where(p => p.State is ProposalState.Accepted or ProposalState.Selected or ProposalState.Realised).ToList(), ideaParticipants, 3, random);
        RecordRoles(db, finished.Id);

        // 2026: voting is open now. Every proposal is accepted; persons from demo-0100 on have voted already.
        var competition2026 = new Initiative("IDEA-2026", InitiativeKind.IdeaCompetition, new InitiativeDetails("Digitaliseringskonkurrencen 2026",
            "Kom med dit bud på en digital løsning, der gør hverdagen lettere, og stem på kollegernes forslag.", units["ESB"].Id, [],
            new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31)));
        db.Initiatives().Add(competition2026);
        var open = new IdeaCompetition(competition2026);
        Require(open.Configure(new CompetitionRules(VotesPerPerson: 5, AllowSelfVoting: false, ProposalsPerPerson: 2),
            new CompetitionSchedule(new(2026, 9, 1), new(2026, 10, 15), new(2026, 11, 1), null, null), utcNow: new DateTime(2026, 8, 1)));
        db.Competitions().Add(open);
        db.SaveChanges();
        var authors2026 = persons.Skip(300).Where((_, i) => i % 97 == 0).Select(p => p.Id).ToList();
        var proposals2026 = AddProposals(db, open, Ideas2026, authors2026, units, new DateTime(2026, 9, 10), random);
        foreach (var proposal in proposals2026) Require(proposal.Accept(CompetitionPhase.Review));
        // Voting stays open whenever the demo is seeded, even before its scheduled start.
        Require(open.AdvanceTo(CompetitionPhase.Voting, new DateTime(2026, 10, 20)));
        db.SaveChanges();
        var voters2026 = persons.Skip(99).Where(_ => random.NextDouble() < 0.15).Select(p => p.Id).ToList();
        AddVotes(db, open.Id, proposals2026, voters2026, 5, random);
        // No participations yet: they are recorded when voting closes (the secret ballot).
        db.SaveChanges();
    }

    /// <summary>
    /// The roles its close would have recorded (CompetitionStore.RecordParticipantsOnceAsync), on the participations the
    /// demo made for it: each participant's most visible part there.
    /// </summary>
    private static void RecordRoles(AppDbContext db, int competitionId)
    {
        var proposals = db.ChangeTracker.Entries<Proposal>().Select(e => e.Entity).Where(p => p.CompetitionId == competitionId).Select(p => p.Id).ToHashSet();
        var roles = new Dictionary<int, ParticipationRole>();
        foreach (var vote in db.ChangeTracker.Entries<Vote>().Select(e => e.Entity).Where(v => v.CompetitionId == competitionId && v.VoterPersonId is not null))
            roles[vote.VoterPersonId!.Value] = ParticipationRole.Voter;
        foreach (var comment in db.ChangeTracker.Entries<ProposalComment>().Select(e => e.Entity).Where(c => proposals.Contains(c.ProposalId)))
            roles[comment.AuthorPersonId] = ParticipationRole.Commenter;
        var authors = db.ChangeTracker.Entries<ProposalAuthor>().Select(e => e.Entity).Where(a => proposals.Contains(a.ProposalId)).ToList();
        foreach (var author in authors.Where(a => !a.IsLead)) roles[author.PersonId] = ParticipationRole.CoAuthor;
        foreach (var author in authors.Where(a => a.IsLead)) roles[author.PersonId] = ParticipationRole.Author;
        foreach (var participation in db.ChangeTracker.Entries<Participation>().Where(e => e.Entity.InitiativeId == competitionId))
            if (roles.TryGetValue(participation.Entity.PersonId, out var role)) participation.Property(p => p.Role).CurrentValue = role;
    }

    private static void AddMilestones(AppDbContext db, Proposal realised, MilestoneTexts[] milestones)
    {
        for (var i = 0; i < milestones.Length; i++)
        {
            var added = RealisationMilestone.Add(realised, milestonesSoFar: i, milestones[i], today: milestones[i].Date);
            Require(added.Refusals);
            db.RealisationMilestones().Add(added.Value!);
        }
    }

    private static List<Proposal> AddProposals(AppDbContext db, IdeaCompetition competition, Idea[] ideas, IReadOnlyList<int> authors,
        Dictionary<string, OrganisationUnit> units, DateTime firstSubmitted, Random random)
    {
        var proposals = ideas.Select((idea, i) => Proposal.Submit(competition, new ProposalTexts(idea.Title, idea.Summary, idea.Problem, idea.Solution, idea.Benefit),
            units[idea.Unit].Id, hideAuthorNames: i % 4 == 3, firstSubmitted.AddDays(i * 3)).Value!).ToList();
        db.Proposals().AddRange(proposals);
        db.SaveChanges();
        for (var i = 0; i < proposals.Count; i++)
        {
            var lead = authors[i % authors.Count];
            var hide = proposals[i].HideAuthorNames;
            db.ProposalAuthors().Add(new ProposalAuthor(proposals[i].Id, lead, isLead: true, $"Demo-medarbejder {lead}", hide));
            var coAuthor = authors[(i + 1 + random.Next(authors.Count - 1)) % authors.Count];
            if (coAuthor != lead && i % 2 == 0)
                db.ProposalAuthors().Add(new ProposalAuthor(proposals[i].Id, coAuthor, isLead: false, $"Demo-medarbejder {coAuthor}", hide));
        }
        return proposals;
    }

    private static void AddVotes(AppDbContext db, int competitionId, IReadOnlyList<Proposal> open, IReadOnlyList<int> voters, int budget, Random random)
    {
        var authorsByProposal = db.ChangeTracker.Entries<ProposalAuthor>().Select(e => e.Entity).ToLookup(a => a.ProposalId, a => a.PersonId);
        foreach (var voter in voters)
        {
            // Earlier proposals in the list are somewhat more popular, so the 2016 winners lead the count.
            var choices = open.Where(p => !authorsByProposal[p.Id].Contains(voter))
                .OrderBy(p => random.NextDouble() * (2 + open.ToList().IndexOf(p))).Take(1 + random.Next(budget)).ToList();
            foreach (var proposal in choices) db.Votes().Add(new Vote(competitionId, proposal.Id, voter));
            if (choices.Count > 0) db.Ballots().Add(new Ballot(competitionId, voter, choices.Count));
        }
    }

    /// <summary>The demo keeps every rule; a refusal here is a bug in the demo.</summary>
    private static void Require(Refusals refusals)
    {
        if (refusals.Any) throw new InvalidOperationException($"Demo data breaks a rule: {refusals.All[0].Message}");
    }

    private static void Require(IReadOnlyList<Refusal> refusals)
    {
        if (refusals.Count > 0) throw new InvalidOperationException($"Demo data breaks a rule: {refusals[0].Message}");
    }

    private static void Require(Refusal? refusal)
    {
        if (refusal is not null) throw new InvalidOperationException($"Demo data breaks a rule: {refusal.Message}");
    }
}
