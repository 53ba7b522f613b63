-- wrk script: a mixed run, 9 reads of a person to 1 write.  The write is a
-- one-row workers import of a new BPU participant whose NIK is unique to
-- this thread and request, sent with ?filename=NIK so that the import batch
-- says which person it wrote.  Every 2xx write's batch id is written to
-- env WRITTEN (one file per thread) so bench/http.sh can check each one is
-- in the database afterwards.
local niks = {}
local token = os.getenv("TOKEN")
local threads = {}
local tid_next = 0

function setup(thread)
	tid_next = tid_next + 1
	thread:set("tid", tid_next)
	threads[#threads + 1] = thread
end

function init(args)
	for line in io.lines(os.getenv("NIKS")) do
		niks[#niks + 1] = line
	end
	counter = math.random(#niks)
	writes = 0
	batches = {}
	failed_writes = 0
end

-- The n-th synthetic NIK of this thread: district 33.75.01, a birth date and
-- a serial that no two requests share.
local function new_nik(n)
	local k = n * 8 + tid
	local serial = k % 9000 + 1000
	local rest = math.floor(k / 9000)
	local day = rest % 28 + 1
	local month = math.floor(rest / 28) % 12 + 1
	local year = 60 + math.floor(rest / 336) % 30
	return string.format("337501%02d%02d%02d%04d", day, month, year, serial), day, month, year
end

function request()
	counter = counter + 1
	if counter % 10 == 0 then
		writes = writes + 1
		local nik, d, m, y = new_nik(writes)
		local body = "nik,name,birth_date,sex,segment,wage,programs,start_date\n" ..
			string.format("%s,Peserta Uji %d,19%02d-%02d-%02d,M,BPU,1500000,JKK JKM,2026-01-01\n",
				nik, writes, y, m, d)
		return wrk.format("POST", "/api/v1/imports?kind=workers&filename=" .. nik,
			{ ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "text/csv" }, body)
	end
	return wrk.format("GET", "/api/v1/persons/" .. niks[counter % #niks + 1],
		{ ["Authorization"] = "Bearer " .. token })
end

function response(status, headers, body)
	local id = body and body:match('"batch_id":(%d+)')
	if id and status >= 200 and status < 300 then
		batches[#batches + 1] = id
	elseif body and body:match('"kind":"workers"') then
		failed_writes = failed_writes + 1
	end
end

function done(summary, latency, requests)
	local out = io.open(os.getenv("WRITTEN"), "w")
	local failed = 0
	for _, t in ipairs(threads) do
		local b = t:get("batches")
		for _, id in ipairs(b) do
			out:write(id, "\n")
		end
		failed = failed + t:get("failed_writes")
	end
	out:close()
	io.write(string.format("http: mixed run: %d non-2xx writes seen by the client\n", failed))
end
