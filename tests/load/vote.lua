dofile("tests/load/common.lua")
request = function() return vote() end
