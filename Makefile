# Jaring - two commands on a fresh Debian machine:
#   make demo   installs what is missing, builds, builds the demo database
#   make test   installs what is missing, builds, runs every test under ASan + UBSan
#
# The program is built by meson + ninja; this file only orders the steps.

BUILD      ?= build
BUILD_SAN  ?= build-san
BUILD_FUZZ ?= build-fuzz
DEMO_DB    ?= demo.db
DEMO_LISTEN ?= 127.0.0.1:8080
FUZZ_SECONDS ?= 60

# Debian bookworm packages the build, the tests and the benchmarks need.
# nodejs and npm count as present when node and npm run: a Node.js from another
# source (NodeSource) brings its own npm and conflicts with Debian's npm package.
DEBIAN_PACKAGES = build-essential meson ninja-build pkg-config python3 \
	libsqlite3-dev sqlite3 libjansson-dev libcsv-dev libcmocka-dev \
	clang-14 libclang-rt-14-dev \
	libmicrohttpd-dev libsodium-dev libxlsxwriter-dev wrk curl \
	chromium nodejs npm

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build demo test bench fuzz clean

all: build

deps:
	@missing=""; \
	for p in $(DEBIAN_PACKAGES); do \
	  case $$p in nodejs|npm) command -v $${p%js} >/dev/null 2>&1 && continue;; esac; \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@# The chart library and playwright-core, pinned by package-lock.json; again
	@# only when node_modules is missing or older than the lock file.
	@if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then \
	  npm ci --no-audit --no-fund && touch node_modules; \
	fi

$(BUILD)/build.ninja:
	meson setup $(BUILD) --buildtype=debugoptimized

$(BUILD_SAN)/build.ninja:
	meson setup $(BUILD_SAN) --buildtype=debug -Doptimization=1 \
	  -Db_sanitize=address,undefined -Db_lundef=false

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

# Builds the demo database, then serves it (with its demo sign-ins) until Ctrl-C.
demo: build
	./$(BUILD)/jaring --db $(DEMO_DB) demo --force
	@echo "Menyajikan $(DEMO_DB); hentikan dengan Ctrl-C."
	./$(BUILD)/jaring --db $(DEMO_DB) serve --listen $(DEMO_LISTEN)

test: build $(BUILD_SAN)/build.ninja
	ninja -C $(BUILD_SAN)
	python3 tests/run.py $(BUILD_SAN)

bench: build
	bench/run.sh $(BUILD)

# Coverage-guided fuzzing of every parser of outside input (clang libFuzzer).
fuzz: deps
	[ -f $(BUILD_FUZZ)/build.ninja ] || CC=clang-14 meson setup $(BUILD_FUZZ) \
	  --buildtype=debug -Doptimization=1 -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false
	ninja -C $(BUILD_FUZZ)
	for f in nik money date ids csv iuran billing http match sirup; do \
	  mkdir -p $(BUILD_FUZZ)/corpus-$$f; \
	  ./$(BUILD_FUZZ)/tests/fuzz-$$f -max_total_time=$(FUZZ_SECONDS) \
	    $(BUILD_FUZZ)/corpus-$$f tests/fuzz/corpus/$$f || exit 1; \
	done

clean:
	rm -rf $(BUILD) $(BUILD_SAN) $(BUILD_FUZZ)
