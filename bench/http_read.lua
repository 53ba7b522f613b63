-- wrk script: GET /api/v1/persons/{nik} with a bearer token, NIKs taken in
-- turn from bench/http's nik list (env NIKS, one per line), TOKEN from env.
local niks = {}
local token = os.getenv("TOKEN")

function init(args)
	for line in io.lines(os.getenv("NIKS")) do
		niks[#niks + 1] = line
	end
	counter = math.random(#niks)
end

function request()
	counter = counter % #niks + 1
	return wrk.format("GET", "/api/v1/persons/" .. niks[counter],
		{ ["Authorization"] = "Bearer " .. token })
end
