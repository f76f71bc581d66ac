dofile("tests/load/common.lua")
request = function() return graphql(reach) end
