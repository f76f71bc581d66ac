dofile("tests/load/common.lua")
request = function() return wrk.format("GET", "/baseline/catalogue", headers) end
