# bash completion for lawgov-extract                       -*- shell-script -*-
# Installed as share/bash-completion/completions/lawgov-extract.
# Options come from `lawgov-extract --help`, so they follow the binary.

_lawgov_extract_fields="file doc line offset city district adcode year period metric value unit qualifier kind text context"

_lawgov_extract()
{
    local cur prev split=false
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}

    # --option=value: complete the value after the '='
    if [[ $cur == --*=* ]]; then
        prev=${cur%%=*}
        cur=${cur#*=}
        split=true
    elif [[ $cur == = && $prev == --* ]]; then
        cur=""
        split=true
    elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
        prev=${COMP_WORDS[COMP_CWORD-2]}
        split=true
    fi

    case $prev in
    --format)
        COMPREPLY=($(compgen -W "jsonl json csv tsv html" -- "$cur"))
        return ;;
    --input-format)
        COMPREPLY=($(compgen -W "text jsonl" -- "$cur"))
        return ;;
    --fields)
        # a comma-separated list: complete its last name, keep the others
        local done_part="" last=$cur
        if [[ $cur == *,* ]]; then
            done_part=${cur%,*},
            last=${cur##*,}
        fi
        local f candidates=()
        for f in $_lawgov_extract_fields; do
            [[ ,$done_part == *,$f,* ]] || candidates+=("$done_part$f")
        done
        COMPREPLY=($(compgen -W "${candidates[*]}" -- "$done_part$last"))
        compopt -o nospace 2>/dev/null
        return ;;
    -e|--encoding)
        COMPREPLY=($(compgen -W "UTF-8 GB18030 GBK GB2312 UTF-16LE UTF-16BE BIG5" -- "$cur"))
        return ;;
    --rules)
        COMPREPLY=($(compgen -f -- "$cur"))
        compopt -o filenames 2>/dev/null
        return ;;
    --output-dir)
        COMPREPLY=($(compgen -d -- "$cur"))
        compopt -o filenames 2>/dev/null
        return ;;
    -b|--buffer-size|-j|--jobs|--year|--city|--id-field|--text-field)
        return ;;  # a value of the user's own
    esac
    $split && return

    if [[ $cur == -* ]]; then
        local opts
        opts=$("${COMP_WORDS[0]}" --help 2>/dev/null |
               sed -n 's/^ *\(-[A-Za-z], \)\{0,1\}\(--[a-z-]*\).*/\2/p')
        [[ -z $opts ]] && opts="--encoding --buffer-size --city --year --input-format
            --id-field --text-field --rules --dump-rules --format --fields --bom --output-dir --jobs --quiet
            --help --version"
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
} &&
complete -F _lawgov_extract lawgov-extract
