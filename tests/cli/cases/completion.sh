# The bash completion offers the options (read from --help) and the values
# of --format, --input-format and --fields, and files after --rules.
cat > "$WORK/complete.bash" <<'SH'
. completions/lawgov-extract.bash
complete_words() {
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
    _lawgov_extract 2>/dev/null
    echo "${COMP_WORDS[*]:1} -> ${COMPREPLY[*]}"
}
complete_words "$LGX" --f
complete_words "$LGX" -
complete_words "$LGX" --format ""
complete_words "$LGX" --format = c
complete_words "$LGX" --input-format j
complete_words "$LGX" --fields ci
complete_words "$LGX" --fields city,year,va
complete_words "$LGX" --rules tests/rules/data/units-a
SH
bash "$WORK/complete.bash"
