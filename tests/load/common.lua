-- Shared by the load scenarios: POST a GraphQL body with the token from the environment.
-- TOKEN signs in the readers (an Evaluator); VOTER_TOKEN the employee who votes.
headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "") }
voter = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. (os.getenv("VOTER_TOKEN") or "") }

function graphql(body, as)
  return wrk.format("POST", "/graphql", as or headers, body)
end

-- Cast and retract one vote in turn, so the voter's budget never runs out.
local proposal = os.getenv("PROPOSAL") or ""
local cast = '{"query":"mutation($p: ID!) { castVote(input: { proposalId: $p }) { errors { __typename } } }","variables":{"p":"' .. proposal .. '"}}'
local retract = '{"query":"mutation($p: ID!) { retractVote(input: { proposalId: $p }) { errors { __typename } } }","variables":{"p":"' .. proposal .. '"}}'
local votes = 0
function vote()
  votes = votes + 1
  return graphql(votes % 2 == 1 and cast or retract, voter)
end

catalogue = '{"query":"{ initiatives(first: 20, order: { field: STARTS_ON }) { nodes { id code title kind startsOn unit { name } } } }"}'
reach = '{"query":"{ reachMatrix { rows { initiative { code } cells { profile { kind } participants coverage suppressed } } } }"}'
