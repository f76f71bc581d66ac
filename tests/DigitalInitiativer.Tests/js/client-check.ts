// Compiles only if the generated types fit how a front-end uses them; tsc --strict checks it in the tests.
import type { CastVoteMutation, EvaluatorTransitionsQuery, EvaluatorTransitionsQueryVariables, InitiativesWithReachQuery } from './generated/operations';

export function movedUpDifference(result: EvaluatorTransitionsQuery): string {
  const { estimate, ciLow, ciHigh, suppressed } = result.profileTransitions.difference;
  return suppressed || estimate == null ? 'withheld' : `${(estimate * 100).toFixed(1)} points (${ciLow}–${ciHigh})`;
}

export const variables: EvaluatorTransitionsQueryVariables = { fromWaveId: 'a', toWaveId: 'b', filter: { initiativeKind: 'DROP_IN_CAFE' } };

export function reachedHesitant(page: InitiativesWithReachQuery): number {
  return page.initiatives.nodes.flatMap(i => i.reach).filter(g => g.profile?.kind === 'HESITANT').reduce((sum, g) => sum + (g.participants ?? 0), 0);
}

export function voteErrors(result: CastVoteMutation): string[] {
  return result.castVote.errors.map(e => ('code' in e ? e.code : 'unknown'));
}
