// Soak: a steady mixed load for a while, then checks for errors, memory growth after warm-up, and that every vote
// is accounted for. usage (see docs/performance.md):
//   node tests/load/soak.mjs <base url> <server pid> <evaluator token> <proposal id> <seconds> <requests per second> <voter token>...
import { execFileSync } from 'node:child_process';

const [base, pid, evaluator, proposal, seconds, rate, ...voters] = process.argv.slice(2);
const url = `${base}/graphql`;
const catalogue = '{ initiatives(first: 20, order: { field: STARTS_ON }) { nodes { id code title kind startsOn unit { name } } } }';
const reach = '{ reachMatrix { rows { initiative { code } cells { participants coverage suppressed } } } }';
const cast = 'mutation($p: ID!) { castVote(input: { proposalId: $p }) { errors { __typename } } }';
const retract = 'mutation($p: ID!) { retractVote(input: { proposalId: $p }) { errors { __typename } } }';

const stats = { requests: 0, failures: 0, failureSamples: [], votesCast: 0, votesRetracted: 0 };
async function post(token, query, variables) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (!response.ok || body.errors) {
    stats.failures++;
    if (stats.failureSamples.length < 5) stats.failureSamples.push({ status: response.status, errors: body.errors });
  }
  return body;
}
const voteCount = async () => (await post(evaluator, 'query($p: ID!) { node(id: $p) { ... on Proposal { voteCount } } }', { p: proposal })).data.node.voteCount;
const rss = () => Number(execFileSync('ps', ['-o', 'rss=', '-p', pid]).toString().trim()) / 1024;

// Start from a known state: none of the voters has voted for the proposal.
for (const voter of voters) await post(voter, retract, { p: proposal });
stats.failures = 0;
const before = await voteCount();
const voted = new Map(voters.map(v => [v, false]));

const end = Date.now() + Number(seconds) * 1000;
const warmUpEnds = Date.now() + Math.min(120, Number(seconds) / 5) * 1000;
const memory = { warmUp: 0, after: 0 };
const inFlight = new Set();
let next = 0;
const sampler = setInterval(() => {
  const mb = rss();
  if (Date.now() < warmUpEnds) memory.warmUp = Math.max(memory.warmUp, mb); else memory.after = Math.max(memory.after, mb);
}, 5000);

while (Date.now() < end) {
  const r = Math.random();
  let work;
  if (r < 0.75) work = post(evaluator, catalogue);
  else if (r < 0.90) work = post(evaluator, reach);
  else {
    const voter = voters[next++ % voters.length];
    // One vote at a time per voter, so the expected count is exact.
    if ([...inFlight].some(w => w.voter === voter)) continue;
    const casting = !voted.get(voter);
    const promise = post(voter, casting ? cast : retract, { p: proposal }).then(body => {
      const payload = body.data?.[casting ? 'castVote' : 'retractVote'];
      if (payload && payload.errors.length === 0) { voted.set(voter, casting); casting ? stats.votesCast++ : stats.votesRetracted++; }
    });
    promise.voter = voter;
    work = promise;
  }
  stats.requests++;
  inFlight.add(work);
  work.finally(() => inFlight.delete(work));
  await new Promise(resolve => setTimeout(resolve, 1000 / Number(rate)));
}
await Promise.allSettled([...inFlight]);
clearInterval(sampler);

const expected = before + [...voted.values()].filter(Boolean).length;
const after = await voteCount();
const growth = memory.warmUp > 0 ? (memory.after - memory.warmUp) / memory.warmUp : 0;
const result = { ...stats, seconds: Number(seconds), rate: Number(rate), voteCount: { before, expected, after },
  rssMb: { warmUpPeak: Math.round(memory.warmUp), afterWarmUpPeak: Math.round(memory.after), growth: Number(growth.toFixed(3)) } };
console.log(JSON.stringify(result, null, 2));
process.exit(stats.failures === 0 && after === expected && growth < 0.10 ? 0 : 1);
