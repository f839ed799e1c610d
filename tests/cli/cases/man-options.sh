# The man page documents every option --help lists.
$LGX --help | sed -n 's/^ *\(-., \)\{0,1\}--\([a-z0-9-]*\).*/\2/p' | while read -r opt; do
    man -l doc/lawgov-extract.1 2>/dev/null | grep -q -- "--$opt" || echo "not in the man page: --$opt"
done
echo "options in --help: $($LGX --help | grep -c '^ *\(-., \)\{0,1\}--')"
