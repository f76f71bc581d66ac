namespace DigitalInitiativer.Tests.Limits;

/// <summary>The queries the README shows and the heaviest ones the tests send: what the complexity limit must allow.</summary>
public static class RealQueries
{
    public static readonly string[] All =
    [
        // README
        "{ surveyWaves { year profileDistribution { total groups { profile { kind name } share } } } }",
        """
        {
          initiatives(first: 10, where: { kinds: [DROP_IN_CAFE, PEER_TRAINING] }, order: { field: STARTS_ON }) {
            totalCount pageInfo { hasNextPage endCursor }
            nodes { id code title kind unit { name } reach { profile { kind } participants suppressed } }
          }
        }
        """,
        "{ me { person { key } } }",
        // Demo data snapshot: the whole catalogue with reach and participation counts
        """
        {
          surveyWaves { year title heldOn profileDistribution { total groups { profile { kind } count } } }
          initiatives(first: 100) { totalCount nodes { code kind unit { code } reach { profile { kind } participants } participations(first: 1) { totalCount } } }
        }
        """,
        // Batching test: a page of 50 with nested units, reach and participants
        """
        {
          initiatives(first: 50, order: { field: STARTS_ON }) {
            totalCount
            nodes {
              code unit { name parent { name } } targetProfiles { kind }
              reach { profile { kind } participants }
              participations(first: 2) { totalCount nodes { person { key unit { code } } } }
            }
          }
        }
        """,
        // Node test: one of everything
        """
        {
          competenceProfiles { __typename id } surveyWaves { __typename id }
          initiatives(first: 1, where: { kinds: [DROP_IN_CAFE] }) {
            nodes { __typename id unit { __typename id } participations(first: 1) { nodes { __typename id person { __typename id } } } }
          }
        }
        """,
        // An employee's voting page: the open competition's proposals with counts, own votes, authors and comments
        """
        {
          initiative(code: "IDEA-2026") { competition { id phase viewerVotesRemaining rules { votesPerPerson }
            leaderboard(top: 5) { rank voteCount proposal { id title } }
            proposals(first: 20, order: { field: VOTES }) { totalCount nodes { id title summary state voteCount viewerHasVoted unit { name } authors { displayName isLead }
              comments(first: 5) { totalCount nodes { text hidden createdAt } } } } } }
        }
        """,
        // A manager's participant list, a full page
        """{ initiative(code: "JC-CAFE") { participations(first: 100) { totalCount nodes { status enrolledOn score person { key role unit { name } } } } } }""",
    ];
}
