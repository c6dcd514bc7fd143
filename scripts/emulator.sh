# Sourced by the scripts that run the emulator as a separate process (demo.sh,
# testacc-emulator.sh): start_emulator builds nothing; it starts the binary given,
# waits until GET /_emulator/health answers and sets EMULATOR_ADDR and
# EMULATOR_PID. stop_emulator stops it; emulator_cleanup is their EXIT trap. The
# caller defines fail() and $tmp (logs go to $tmp/emulator.log).

# start_emulator BINARY LOG [emulator flags...]
start_emulator() {
	local bin="$1" log="$2"
	shift 2
	"$bin" -listen 127.0.0.1:0 -addr-file "$tmp/addr" "$@" >"$log" 2>&1 &
	EMULATOR_PID=$!
	EMULATOR_ADDR=""
	local deadline=$((SECONDS + 30))
	until [ -n "$EMULATOR_ADDR" ] && curl --silent --fail --max-time 2 "$EMULATOR_ADDR/_emulator/health" >/dev/null 2>&1; do
		if ! kill -0 "$EMULATOR_PID" 2>/dev/null; then
			fail "the emulator exited during start-up (log: $log)"
		fi
		if [ "$SECONDS" -ge "$deadline" ]; then
			fail "the emulator was not healthy within 30 s (addr: ${EMULATOR_ADDR:-none yet}, GET /_emulator/health)"
		fi
		if [ -z "$EMULATOR_ADDR" ] && [ -s "$tmp/addr" ]; then
			EMULATOR_ADDR="$(tr -d '[:space:]' <"$tmp/addr")"
		fi
		sleep 0.2
	done
}

# stop_emulator: TERM, then KILL after 5 s.
stop_emulator() {
	if [ -n "${EMULATOR_PID:-}" ] && kill -0 "$EMULATOR_PID" 2>/dev/null; then
		kill -TERM "$EMULATOR_PID" 2>/dev/null || true
		for _ in $(seq 1 50); do
			kill -0 "$EMULATOR_PID" 2>/dev/null || break
			sleep 0.1
		done
		kill -KILL "$EMULATOR_PID" 2>/dev/null || true
		wait "$EMULATOR_PID" 2>/dev/null || true
	fi
}

# emulator_cleanup: the EXIT trap of a script that started the emulator: stops it, shows the
# end of its log when the script failed, removes $tmp and keeps the script's exit status.
emulator_cleanup() {
	local status=$?
	if [ -n "${EMULATOR_PID:-}" ]; then
		echo "==> stopping the emulator (pid $EMULATOR_PID)"
		stop_emulator
	fi
	if [ "$status" -ne 0 ] && [ -s "$tmp/emulator.log" ]; then
		echo "---- last lines of the emulator log ----" >&2
		tail -n 40 "$tmp/emulator.log" >&2 || true
	fi
	rm -rf "$tmp"
	exit "$status"
}
