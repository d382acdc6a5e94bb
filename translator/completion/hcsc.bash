# bash completion for hcsc (installed as
# share/bash-completion/completions/hcsc). Commands and options come from
# `hcsc --help`, host names from `hcsc hosts`, targets from `hcsc
# targets`, so a newer hcsc completes what it knows.
_hcsc()
{
	local cur prev cmd i words
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	local hcsc=${COMP_WORDS[0]}
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	local help
	help=$("$hcsc" --help 2>/dev/null) || return
	if [ -z "$cmd" ]; then
		words=$(printf '%s\n' "$help" | awk '/^  hcsc [a-z]/ {print $2}')
		COMPREPLY=($(compgen -W "$words help --help --version" -- "$cur"))
		return
	fi
	case $prev in
	--host)
		COMPREPLY=($(compgen -W "$("$hcsc" hosts 2>/dev/null | awk '{print $1}')" -- "$cur"))
		compopt -o default 2>/dev/null # a profile file
		return ;;
	--target)
		COMPREPLY=($(compgen -W "$("$hcsc" targets 2>/dev/null | awk '{print $1}')" -- "$cur"))
		return ;;
	--emit)
		COMPREPLY=($(compgen -W "oci hcs-v1 hcs-v2 process" -- "$cur"))
		return ;;
	--color)
		COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
		return ;;
	--diagnostics-format)
		COMPREPLY=($(compgen -W "text short json sarif" -- "$cur"))
		return ;;
	-w|--no-warn)
		COMPREPLY=($(compgen -W "placeholder build era owner rounding cpu annotation credspec lcow unknown-key ports volume ignored image compose interpolation" -- "$cur"))
		return ;;
	-o|--output|--report)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	--from-oci|--runtime)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	esac
	if [ "$cmd" = help ]; then
		words=$(printf '%s\n' "$help" | awk '/^  hcsc [a-z]/ {print $2}')
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
		return
	fi
	if [ "$cmd" = hosts ] && [[ $cur != -* ]]; then
		COMPREPLY=($(compgen -W "$("$hcsc" hosts 2>/dev/null | awk '{print $1}')" -- "$cur"))
		return
	fi
	if [[ $cur == -* ]]; then
		# the options listed under "  hcsc CMD ..." in --help
		words=$(printf '%s\n' "$help" | awk -v c="$cmd" '
			/^  hcsc / {on = ($2 == c); next}
			on && /^    -/ {
				for (i = 1; i <= NF; i++)
					if ($i ~ /^--?[a-zA-Z]/) {
						w = $i; sub(/,$/, "", w); sub(/=.*/, "", w); print w
					} else break
			}')
		COMPREPLY=($(compgen -W "$words --help" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}
complete -F _hcsc hcsc
