dofile("tests/load/common.lua")
request = function() return graphql(catalogue) end
