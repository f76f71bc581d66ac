-- 75 % catalogue pages, 15 % reach matrices (an Evaluator), 10 % votes (an employee, cast and retract in turn).
dofile("tests/load/common.lua")
request = function()
  local r = math.random()
  if r < 0.75 then return graphql(catalogue) end
  if r < 0.90 then return graphql(reach) end
  return vote()
end
