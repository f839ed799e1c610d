# lawgov-extract - see README.md.
#
#   make            build ./lawgov-extract (and liblawgov.a)
#   make run        build, then extract a bundled seed report
#   make check      build and run every test (unit, end-to-end, CLI, sanitizers)
#   make bench      throughput and memory figures
#   make fuzz       run the libFuzzer harnesses for FUZZ_SECONDS each
#   make install    PREFIX=/usr/local DESTDIR=
#   make static     build/static/lawgov-extract, PCRE2 and cJSON linked in

CC       ?= cc
CFLAGS   ?= -O2 -g
PREFIX   ?= /usr/local
DESTDIR  ?=
PYTHON   ?= python3

# Dependencies are checked (and installed on Debian) before anything builds;
# targets that build nothing (clean, uninstall) do without.
NO_BUILD_GOALS := clean uninstall
ifneq ($(filter-out $(NO_BUILD_GOALS),$(or $(MAKECMDGOALS),all)),)
DEPS_OK := $(shell tools/ensure-deps.sh >&2 && echo yes)
ifneq ($(DEPS_OK),yes)
$(error missing build dependencies, see the message above)
endif
endif

PKGS      := libpcre2-8 libcjson
# OpenCC converts reports in traditional script (src/script.c); without it
# such text passes through unconverted, with a warning.
ifeq ($(shell pkg-config --exists opencc && echo yes),yes)
PKGS      += opencc
# OpenCC is opened with dlopen by its soname the first time a traditional
# sentence comes (src/script.c), not linked: simplified text never loads it
OPENCC_SONAME := $(shell readelf -d $(shell pkg-config --variable=libdir opencc)/libopencc.so 2>/dev/null | \
                   sed -n 's/.*soname: \[\(.*\)\]/\1/p')
OPENCC_CFLAGS := -DLG_HAVE_OPENCC -DLG_OPENCC_SONAME='"$(or $(OPENCC_SONAME),libopencc.so)"'
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS  := $(shell pkg-config --libs $(filter-out opencc,$(PKGS))) $(if $(OPENCC_CFLAGS),-ldl)
# iconv is in glibc; elsewhere it may live in GNU libiconv.
ICONV_LIBS := $(shell printf '#include <iconv.h>\nint main(void){return iconv_open("a","b")==0;}\n' | \
                $(CC) -x c - -o /dev/null 2>/dev/null || echo -liconv)

LG_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Iinclude -Isrc $(PKG_CFLAGS) $(OPENCC_CFLAGS)
LIBS      := $(PKG_LIBS) $(ICONV_LIBS) -lpthread

LIB_SRCS  := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJS  := $(LIB_SRCS:src/%.c=build/obj/%.o) build/obj/gen/rules_data.o
# The vocabulary (rules/*.rules) compiled in: see tools/gen_rules.py.
# build/gen/rules.list changes when a rules file comes or goes.
RULES     := $(sort $(wildcard rules/*.rules))
ifneq ($(filter-out $(NO_BUILD_GOALS),$(or $(MAKECMDGOALS),all)),)
$(shell mkdir -p build/gen && echo '$(RULES)' | cmp -s - build/gen/rules.list || \
        echo '$(RULES)' > build/gen/rules.list)
endif
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=build/tests/%)

SAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
SAN_OBJS  := $(LIB_SRCS:src/%.c=build/san/obj/%.o) build/san/obj/gen/rules_data.o
SAN_UNITS := $(UNIT_SRCS:tests/unit/%.c=build/san/tests/%)

SEED := seeds/003_e7f5bf58e6b205eb.txt

.PHONY: all run check unit e2e rules cli html sanitize bench fuzz install uninstall clean static

all: lawgov-extract

liblawgov.a: $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

# The command line: src/main.c and the CLI modules under cli/ (not part of
# the library).
CLI_SRCS := src/main.c $(wildcard cli/*.c)
CLI_DEPS := $(CLI_SRCS) $(wildcard cli/*.h) include/lawgov.h
# The review page's style and script (--format html), embedded as C.
CLI_GEN  := build/gen/html_assets.c

lawgov-extract: $(CLI_DEPS) $(CLI_GEN) liblawgov.a
	$(CC) $(LG_CFLAGS) $(CFLAGS) -o $@ $(CLI_SRCS) $(CLI_GEN) liblawgov.a $(LIBS) -lm

build/gen/html_assets.c: tools/embed_html.py $(wildcard cli/html/*)
	@mkdir -p $(@D)
	$(PYTHON) tools/embed_html.py cli/html $@

build/obj/%.o: src/%.c $(wildcard src/*.h) include/lawgov.h
	@mkdir -p $(@D)
	$(CC) $(LG_CFLAGS) $(CFLAGS) -c -o $@ $<

build/gen/rules_data.c: $(RULES) build/gen/rules.list tools/gen_rules.py src/lexicon.c
	@mkdir -p $(@D)
	$(PYTHON) tools/gen_rules.py --sections src/lexicon.c $@ $(RULES)

build/obj/gen/rules_data.o: build/gen/rules_data.c src/lexicon.h include/lawgov.h
	@mkdir -p $(@D)
	$(CC) $(LG_CFLAGS) $(CFLAGS) -c -o $@ $<

build/san/obj/gen/rules_data.o: build/gen/rules_data.c src/lexicon.h include/lawgov.h
	@mkdir -p $(@D)
	$(CC) $(LG_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

build/tests/%: tests/unit/%.c tests/unit/test.h liblawgov.a
	@mkdir -p $(@D)
	$(CC) $(LG_CFLAGS) $(CFLAGS) -o $@ $< liblawgov.a $(LIBS)

# The same library and tests built with AddressSanitizer and UBSan.
build/san/obj/%.o: src/%.c $(wildcard src/*.h) include/lawgov.h
	@mkdir -p $(@D)
	$(CC) $(LG_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

build/san/liblawgov.a: $(SAN_OBJS)
	rm -f $@
	ar rcs $@ $^

build/san/tests/%: tests/unit/%.c tests/unit/test.h build/san/liblawgov.a
	@mkdir -p $(@D)
	$(CC) $(LG_CFLAGS) $(SAN_FLAGS) -o $@ $< build/san/liblawgov.a $(LIBS)

build/san/lawgov-extract: $(CLI_DEPS) $(CLI_GEN) build/san/liblawgov.a
	$(CC) $(LG_CFLAGS) $(SAN_FLAGS) -o $@ $(CLI_SRCS) $(CLI_GEN) build/san/liblawgov.a $(LIBS) -lm

run: lawgov-extract
	./lawgov-extract $(SEED)

unit: $(UNIT_BINS)
	@for t in $(UNIT_BINS); do $$t || exit 1; done

e2e: lawgov-extract
	@tests/e2e/run.sh ./lawgov-extract

rules: lawgov-extract
	@$(PYTHON) tests/rules/run.py ./lawgov-extract

# Layout limits (issue #12, tools/check_layout.py): hand-written files in
# src/ and cli/ at most ~850 lines, functions at most 80 lines and 6
# parameters, no W("...") word lists in C; generated files are skipped,
# and src/place_data.c must be what tools/gen_places.py makes now.
# LAYOUT_EXEMPT: files to skip while they are being reworked (none now).
LAYOUT_EXEMPT =
.PHONY: layout
layout:
	@$(PYTHON) tools/check_layout.py $(addprefix --exempt ,$(LAYOUT_EXEMPT)) \
	    $(sort $(wildcard src/*.c src/*.h cli/*.c cli/*.h)) && echo "layout: ok"
	@mkdir -p build/gen && $(PYTHON) tools/gen_places.py --out build/gen/place_data.c && \
	    { cmp -s build/gen/place_data.c src/place_data.c || \
	      { echo "src/place_data.c is not what tools/gen_places.py makes of data/ and rules/places.rules: run it"; exit 1; }; }

cli: lawgov-extract
	@if [ -x tests/cli/run.sh ]; then tests/cli/run.sh ./lawgov-extract; fi

# The review page (--format html), in headless Chromium when installed.
html: lawgov-extract
	@tests/html/run.sh ./lawgov-extract

sanitize: $(SAN_UNITS) build/san/lawgov-extract
	@for t in $(SAN_UNITS); do $$t >/dev/null || { echo "sanitizer run failed: $$t"; exit 1; }; done
	@ASAN_OPTIONS=detect_leaks=1 tests/e2e/run.sh build/san/lawgov-extract --quick
	@ASAN_OPTIONS=detect_leaks=1 tests/cli/run.sh build/san/lawgov-extract
	@if [ -x tests/hostile/run.sh ]; then ASAN_OPTIONS=detect_leaks=1 tests/hostile/run.sh build/san/lawgov-extract; fi
	@ASAN_OPTIONS=detect_leaks=1 tests/html/run.sh build/san/lawgov-extract --quick
	@echo "sanitizers: clean"

check:
	@tools/ensure-deps.sh check
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory layout
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory e2e
	@$(MAKE) --no-print-directory rules
	@$(MAKE) --no-print-directory cli
	@$(MAKE) --no-print-directory html
	@$(MAKE) --no-print-directory sanitize
	@echo "make check: all tests passed"

build/bench/stages: tests/bench/stages.c liblawgov.a
	@mkdir -p build/bench
	$(CC) $(LG_CFLAGS) $(CFLAGS) -o $@ $< liblawgov.a $(LIBS)

# The commit #17's speed-up is measured against (tests/bench/run.sh builds
# it in build/bench/base); empty skips it.
BENCH_BASE ?= 48d66fb

bench: lawgov-extract build/bench/stages
	@BENCH_STAGES=build/bench/stages BENCH_BASE='$(BENCH_BASE)' tests/bench/run.sh ./lawgov-extract
	@tests/html/run.sh ./lawgov-extract --big

fuzz:
	@tests/fuzz/run.sh

# For clusters whose nodes lack the libraries: a binary with PCRE2 and
# cJSON (and whatever else PKGS names) linked in statically, the C library
# still shared.  tools/static-deps.sh finds or builds the archives.
# OpenCC is linked in only where a static libopencc.a exists (Debian ships
# none, and it is C++ with its dictionaries in files): else the script
# stage is built without it, and traditional text passes through with a
# warning.
STATIC_OPENCC := $(if $(and $(OPENCC_CFLAGS),$(wildcard $(shell pkg-config --variable=libdir opencc 2>/dev/null)/libopencc.a)),yes)
STATIC_PKGS   := $(if $(STATIC_OPENCC),$(PKGS),$(filter-out opencc,$(PKGS)))

build/static/liblawgov.a: liblawgov.a src/script.c src/script.h
	@mkdir -p build/static
	cp liblawgov.a $@
	$(if $(STATIC_OPENCC),,$(CC) $(filter-out -DLG_HAVE_OPENCC,$(LG_CFLAGS)) $(CFLAGS) -c -o build/static/script.o src/script.c && ar rcs $@ build/static/script.o)

build/static/lawgov-extract: $(CLI_DEPS) $(CLI_GEN) build/static/liblawgov.a tools/static-deps.sh
	@mkdir -p build/static
	tools/static-deps.sh build/static/lib $(STATIC_PKGS) > build/static/archives
	$(CC) $(LG_CFLAGS) $(CFLAGS) -o $@ $(CLI_SRCS) $(CLI_GEN) build/static/liblawgov.a $$(cat build/static/archives) \
	    $(ICONV_LIBS) -lpthread -lm $(if $(STATIC_OPENCC),-lstdc++)

static: build/static/lawgov-extract

# The shared library, with a soname, so that `pkg-config --libs lawgov`
# links a program as it is (the static library needs --static).
VERSION   := $(shell sed -n 's/^\#define LG_VERSION "\(.*\)"/\1/p' include/lawgov.h)
SONAME    := liblawgov.so.$(firstword $(subst ., ,$(VERSION)))
SHARED    := build/shared/liblawgov.so.$(VERSION)
PIC_OBJS  := $(LIB_SRCS:src/%.c=build/pic/obj/%.o) build/pic/obj/gen/rules_data.o

build/pic/obj/%.o: src/%.c $(wildcard src/*.h) include/lawgov.h
	@mkdir -p $(@D)
	$(CC) $(LG_CFLAGS) $(CFLAGS) -fPIC -c -o $@ $<

build/pic/obj/gen/rules_data.o: build/gen/rules_data.c src/lexicon.h include/lawgov.h
	@mkdir -p $(@D)
	$(CC) $(LG_CFLAGS) $(CFLAGS) -fPIC -c -o $@ $<

$(SHARED): $(PIC_OBJS)
	@mkdir -p $(@D)
	$(CC) -shared -Wl,-soname,$(SONAME) -o $@ $^ $(LIBS)

# The directories install makes; those it made (missing before) are listed
# in share/lawgov-extract/made-dirs, for uninstall to remove when empty.
INSTALL_DIRS := bin lib lib/pkgconfig include share share/man share/man/man1 \
                share/bash-completion share/bash-completion/completions share/lawgov-extract
MADE_DIRS    := $(DESTDIR)$(PREFIX)/share/lawgov-extract/made-dirs

# lawgov.pc is generated at install time so that it names the PREFIX the
# files really go to (DESTDIR is only a staging root, never in the file).
install: lawgov-extract liblawgov.a $(SHARED)
	@made=""; [ -d "$(DESTDIR)$(PREFIX)" ] || made=.; \
	for d in $(INSTALL_DIRS); do [ -d "$(DESTDIR)$(PREFIX)/$$d" ] || made="$$made $$d"; done; \
	install -d $(addprefix $(DESTDIR)$(PREFIX)/,$(INSTALL_DIRS)); \
	[ -f "$(MADE_DIRS)" ] || printf '%s\n' $$made > "$(MADE_DIRS)"
	install -m 755 lawgov-extract $(DESTDIR)$(PREFIX)/bin/
	install -m 644 liblawgov.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(SHARED) $(DESTDIR)$(PREFIX)/lib/
	ln -sf liblawgov.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(PREFIX)/lib/liblawgov.so
	install -m 644 include/lawgov.h $(DESTDIR)$(PREFIX)/include/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@REQUIRES@|$(filter-out opencc,$(PKGS))|g' -e 's|@VERSION@|$(VERSION)|g' \
	    lawgov.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/lawgov.pc
	chmod 644 $(DESTDIR)$(PREFIX)/lib/pkgconfig/lawgov.pc
	install -m 644 doc/lawgov-extract.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 completions/lawgov-extract.bash \
	    $(DESTDIR)$(PREFIX)/share/bash-completion/completions/lawgov-extract
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && command -v ldconfig >/dev/null; then ldconfig; fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/lawgov-extract $(DESTDIR)$(PREFIX)/lib/liblawgov.a \
	      $(DESTDIR)$(PREFIX)/lib/liblawgov.so $(DESTDIR)$(PREFIX)/lib/$(SONAME) \
	      $(DESTDIR)$(PREFIX)/lib/liblawgov.so.$(VERSION) \
	      $(DESTDIR)$(PREFIX)/include/lawgov.h $(DESTDIR)$(PREFIX)/lib/pkgconfig/lawgov.pc \
	      $(DESTDIR)$(PREFIX)/share/man/man1/lawgov-extract.1 \
	      $(DESTDIR)$(PREFIX)/share/bash-completion/completions/lawgov-extract
	@if [ -f "$(MADE_DIRS)" ]; then \
	    dirs=$$(sort -r "$(MADE_DIRS)"); rm -f "$(MADE_DIRS)"; \
	    for d in $$dirs; do \
	        if [ "$$d" = . ]; then p="$(DESTDIR)$(PREFIX)"; else p="$(DESTDIR)$(PREFIX)/$$d"; fi; \
	        rmdir "$$p" 2>/dev/null || true; \
	    done; \
	fi

clean:
	rm -rf build lawgov-extract liblawgov.a
