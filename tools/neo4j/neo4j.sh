#!/usr/bin/env bash
# newsgraph's local Neo4j Community servers, assembled from Maven Central jars
# (tools/neo4j/pom.xml) into .neo4j/ at the repository root. See README.md beside this file.
#
#   neo4j.sh install          download jars (first time), write conf, set the initial password
#   neo4j.sh up               install if needed, start in the background, wait until ready
#   neo4j.sh down             stop (SIGTERM, then SIGKILL after NEO4J_STOP_TIMEOUT seconds)
#   neo4j.sh status           running or not; exit 0 if running, 3 if not
#   neo4j.sh logs [-f] [-n N] show the server log (console.log)
#   neo4j.sh admin ARGS...    neo4j-admin with the same jars and conf
#   neo4j.sh cypher ARGS...   cypher-shell logged in as neo4j
#   neo4j.sh password [--rotate]  print the password file's path (or set a new password)
#   neo4j.sh wipe [--yes]     stop and delete all data and the password
#   neo4j.sh uri              print the Bolt URI of this server (bolt://127.0.0.1:PORT)
#
# Instances (NEO4J_INSTANCE): each has its own conf, data, logs, run dir, password and ports;
# they share the jars in .neo4j/home/lib and can run at the same time.
#   main (default)  .neo4j/home, password .neo4j/password, ports 7687/7474: your graph (make run)
#   test            .neo4j/test, password .neo4j/test/password, ports 17687/17474 (if taken and
#                   not set explicitly: the next free pair 17697/17484, ...), small heap: make test
#   bulk            .neo4j/bulk, ports 27687/27474 (or the next free pair), small heap: the target of
#                   the bulk CSV import round trip in the integration tests (its database is replaced)
#
# Environment: NEO4J_INSTANCE (main), NEO4J_BOLT_PORT / NEO4J_HTTP_PORT (per instance, above),
# NEO4J_START_TIMEOUT (180), NEO4J_STOP_TIMEOUT (60), JAVA_HOME (else java on PATH),
# NEWSGRAPH_NEO4J_DIR (<repo>/.neo4j).
#
# How the server is launched: exactly as the tarball's `bin/neo4j console` does, through the
# bootloader from neo4j-bootcheck (org.neo4j.server.startup.Neo4jBoot console). The bootloader
# reads conf/neo4j.conf, computes heap and server.jvm.additional flags, and forks the server JVM
# (org.neo4j.server.CommunityEntryPoint) as its child; SIGTERM to the bootloader stops the child
# cleanly. We run it under setsid + nohup so the pair is its own process group, survives the
# terminal and `make`, and can be SIGKILLed as a group as a last resort. JAVA_OPTS is unset
# because, if set, it replaces every JVM flag computed from the config.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
POM=$SCRIPT_DIR/pom.xml
STATE_DIR=${NEWSGRAPH_NEO4J_DIR:-$ROOT/.neo4j}
# The jars are downloaded once, into main's home, and every instance runs from them.
LIB_DIR=$STATE_DIR/home/lib
INSTALL_MARKER=$LIB_DIR/.newsgraph-installed
INSTALL_LOG=$STATE_DIR/install.log
# install_jars holds this (fd 8) so two instances never fill lib/ at the same time.
JARS_LOCK_FILE=$STATE_DIR/.install.lock

INSTANCE=${NEO4J_INSTANCE:-main}
case $INSTANCE in
main)
	# Today's layout, unchanged: .neo4j/home + .neo4j/password.
	INSTANCE_DIR=$STATE_DIR
	NEO4J_HOME_DIR=$STATE_DIR/home
	DEFAULT_BOLT_PORT=7687 DEFAULT_HTTP_PORT=7474
	HEAP_INITIAL=1g HEAP_MAX=2g PAGECACHE=1g
	;;
test)
	# Throwaway data for the integration tests (they wipe it); home and password in .neo4j/test.
	INSTANCE_DIR=$STATE_DIR/test
	NEO4J_HOME_DIR=$INSTANCE_DIR
	DEFAULT_BOLT_PORT=17687 DEFAULT_HTTP_PORT=17474
	HEAP_INITIAL=512m HEAP_MAX=1g PAGECACHE=256m
	;;
bulk)
	# Throwaway target of the bulk CSV import round trip (TestBulkImportRoundTrip): neo4j-admin
	# import replaces its whole database, so it is never the main or the test instance.
	INSTANCE_DIR=$STATE_DIR/bulk
	NEO4J_HOME_DIR=$INSTANCE_DIR
	DEFAULT_BOLT_PORT=27687 DEFAULT_HTTP_PORT=27474
	HEAP_INITIAL=512m HEAP_MAX=1g PAGECACHE=256m
	;;
*)
	printf 'newsgraph: unknown NEO4J_INSTANCE=%s (known: main, test, bulk)\n' "$INSTANCE" >&2
	exit 2
	;;
esac
CONF_DIR=$NEO4J_HOME_DIR/conf
CONF_FILE=$CONF_DIR/neo4j.conf
LOG_DIR=$NEO4J_HOME_DIR/logs
CONSOLE_LOG=$LOG_DIR/console.log
RUN_DIR=$NEO4J_HOME_DIR/run
# Not run/neo4j.pid: the bootloader refuses to start ("already running") if that names a live pid.
PID_FILE=$RUN_DIR/newsgraph-neo4j.pid
PASSWORD_FILE=$INSTANCE_DIR/password
LOCK_FILE=$INSTANCE_DIR/.lock
# Set when a `make test` run started the server; the last test run out stops it again.
TEST_STARTED_MARKER=$INSTANCE_DIR/started-by-test

# Ports given explicitly are used as given; the test instance's defaults move to the next free
# pair when something else holds them (see pick_test_ports).
PORTS_EXPLICIT=0
[[ -n ${NEO4J_BOLT_PORT:-} || -n ${NEO4J_HTTP_PORT:-} ]] && PORTS_EXPLICIT=1
BOLT_PORT=${NEO4J_BOLT_PORT:-$DEFAULT_BOLT_PORT}
HTTP_PORT=${NEO4J_HTTP_PORT:-$DEFAULT_HTTP_PORT}
START_TIMEOUT=${NEO4J_START_TIMEOUT:-180}
STOP_TIMEOUT=${NEO4J_STOP_TIMEOUT:-60}

BOOT_CLASS=org.neo4j.server.startup.Neo4jBoot
ADMIN_BOOT_CLASS=org.neo4j.server.startup.Neo4jAdminBoot
SHELL_CLASS=org.neo4j.shell.Main

say() { printf 'newsgraph: %s\n' "$*" >&2; }
die() {
	say "$*"
	exit 1
}

neo4j_version() {
	sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$POM" | head -n 1
}

browser_version() {
	sed -n 's:.*<neo4j.browser.version>\(.*\)</neo4j.browser.version>.*:\1:p' "$POM" | head -n 1
}

# ---------------------------------------------------------------------------------------------
# prerequisites

JAVA=
find_java() {
	if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
		JAVA=$JAVA_HOME/bin/java
	elif command -v java >/dev/null 2>&1; then
		JAVA=$(command -v java)
	else
		say "java not found. Neo4j $(neo4j_version) needs Java 17 or 21, e.g.:"
		say "  Debian/Ubuntu: apt-get install openjdk-17-jre-headless   (or openjdk-21-jre-headless)"
		say "  macOS:         brew install openjdk@21"
		say "or set JAVA_HOME to a JDK 17+."
		exit 1
	fi
	local v major
	v=$("$JAVA" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')
	major=${v%%.*}
	[[ $major == 1 ]] && major=$(cut -d. -f2 <<<"$v")
	if ! [[ $major =~ ^[0-9]+$ ]] || ((major < 17)); then
		die "$JAVA is Java ${v:-unknown}; Neo4j $(neo4j_version) needs Java 17 or 21 (set JAVA_HOME or install openjdk-17-jre-headless)"
	fi
	if ((major > 21)); then
		say "warning: $JAVA is Java $major; Neo4j 5.26 supports Java 17 and 21 (set JAVA_HOME to one of those if start-up fails)"
	fi
}

check_mvn() {
	if ! command -v mvn >/dev/null 2>&1; then
		say "mvn not found; it downloads Neo4j's jars from Maven Central the first time. Install Maven 3.6+:"
		say "  Debian/Ubuntu: apt-get install maven"
		say "  macOS:         brew install maven"
		exit 1
	fi
}

# ---------------------------------------------------------------------------------------------
# locking: install/up/down/wipe hold the instance's $LOCK_FILE (fd 9) so concurrent `make` runs
# in one tree do not race; filling lib/ also holds $JARS_LOCK_FILE (fd 8), shared by all
# instances. The fds are closed for the server process (9>&- 8>&-), or the locks would outlive us.

lock() {
	mkdir -p "$INSTANCE_DIR"
	exec 9>"$LOCK_FILE"
	if command -v flock >/dev/null 2>&1; then
		if ! flock -n 9; then
			say "waiting for another neo4j.sh ($INSTANCE instance) in this tree to finish…"
			flock 9
		fi
	fi
}

# ---------------------------------------------------------------------------------------------
# install

install_stamp() {
	local sum
	sum=$(sha256sum "$POM" | cut -c1-16)
	printf 'neo4j=%s browser=%s pom=%s\n' "$(neo4j_version)" "$(browser_version)" "$sum"
}

jars_installed() {
	[[ -f $INSTALL_MARKER && "$(cat "$INSTALL_MARKER")" == "$(install_stamp)" ]]
}

install_jars() {
	if jars_installed; then
		return 0
	fi
	mkdir -p "$STATE_DIR"
	exec 8>"$JARS_LOCK_FILE"
	if command -v flock >/dev/null 2>&1 && ! flock -n 8; then
		say "waiting for another neo4j.sh in this tree to finish installing the jars…"
		flock 8
	fi
	if jars_installed; then # the other one did it
		exec 8>&-
		return 0
	fi
	check_mvn
	local t0=$SECONDS
	say "downloading Neo4j $(neo4j_version) + Browser $(browser_version) from Maven Central into $LIB_DIR (first time: ~140 MB, cached in ~/.m2 afterwards)…"
	rm -rf "$LIB_DIR"
	mkdir -p "$LIB_DIR"
	if ! mvn -B -ntp -f "$POM" -Dneo4j.lib.dir="$LIB_DIR" package >"$INSTALL_LOG" 2>&1 9>&- 8>&-; then
		tail -n 30 "$INSTALL_LOG" >&2 || true
		die "mvn failed (full log: $INSTALL_LOG)"
	fi
	install_stamp >"$INSTALL_MARKER"
	exec 8>&-
	say "installed $(find "$LIB_DIR" -name '*.jar' | wc -l) jars ($(du -sh "$LIB_DIR" | cut -f1)) in $((SECONDS - t0))s"
}

write_conf() {
	[[ -f $CONF_FILE ]] && return 0
	mkdir -p "$CONF_DIR"
	local purpose lib_note= retention='2 days'
	if [[ $INSTANCE == main ]]; then
		purpose="the main instance (your graph)"
	else
		purpose="the $INSTANCE instance (NEO4J_INSTANCE=$INSTANCE; make test wipes its data)"
		lib_note="# lib is a symlink to ../home/lib: the jars are shared with the main instance."
		# Test data is rewritten all the time and worth nothing: keep only the current log.
		retention=false
	fi
	cat >"$CONF_FILE" <<EOF
# Neo4j $(neo4j_version) for newsgraph, $purpose:
# written once by tools/neo4j/neo4j.sh install.
# Edit freely; it is not rewritten (delete it to get the default back). The two
# listen_address ports are set on every \`up\` from NEO4J_BOLT_PORT / NEO4J_HTTP_PORT.
# Strict validation is on: an unknown or misspelt key stops the start.

# Loopback only.
server.default_listen_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:$BOLT_PORT
server.http.enabled=true
server.http.listen_address=127.0.0.1:$HTTP_PORT
server.https.enabled=false
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
# Browser and cypher-shell: no product-usage telemetry either.
client.allow_telemetry=false

# Sized for a 2-core, 24 GiB developer/CI machine$([[ $INSTANCE == main ]] || echo '; test data is tiny').
server.memory.heap.initial_size=$HEAP_INITIAL
server.memory.heap.max_size=$HEAP_MAX
server.memory.pagecache.size=$PAGECACHE

# Folders under NEO4J_HOME (${NEO4J_HOME_DIR#"$ROOT"/}, git-ignored).${lib_note:+
$lib_note}
server.directories.data=data
server.directories.logs=logs
server.directories.plugins=plugins
server.directories.import=import
server.directories.run=run
# LOAD CSV 'file:///x.csv' resolves inside server.directories.import.
# Transaction logs kept (2 days on main; only the current one on test).
db.tx_log.rotation.retention_policy=$retention
# Bolt's shutdown waits 2 x 5 s (Netty quiet period, whole seconds) by default; 1 is plenty on
# loopback and makes \`down\` ~8 s faster.
internal.dbms.bolt.netty_server_shutdown_quiet_period=1

# JVM flags of the stock neo4j.conf.
server.jvm.additional=-XX:+UseG1GC
server.jvm.additional=-XX:-OmitStackTraceInFastThrow
server.jvm.additional=-XX:+AlwaysPreTouch
server.jvm.additional=-XX:+UnlockExperimentalVMOptions
server.jvm.additional=-XX:+TrustFinalNonStaticFields
server.jvm.additional=-XX:+DisableExplicitGC
server.jvm.additional=-Djdk.nio.maxCachedBufferSize=1024
server.jvm.additional=-Dio.netty.tryReflectionSetAccessible=true
server.jvm.additional=-Djdk.tls.ephemeralDHKeySize=2048
server.jvm.additional=-Djdk.tls.rejectClientInitiatedRenegotiation=true
server.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED
server.jvm.additional=--add-opens=java.base/java.io=ALL-UNNAMED
server.jvm.additional=--add-opens=java.base/sun.nio.ch=ALL-UNNAMED
server.jvm.additional=--enable-native-access=ALL-UNNAMED
server.jvm.additional=-Dlog4j2.disable.jmx=true
EOF
	say "wrote $CONF_FILE"
}

# Ports come from the environment on every start, so a one-off NEO4J_BOLT_PORT=… does not stick.
apply_ports() {
	local tmp=$CONF_FILE.tmp
	sed -e "s|^server\.bolt\.listen_address=.*|server.bolt.listen_address=127.0.0.1:$BOLT_PORT|" \
		-e "s|^server\.http\.listen_address=.*|server.http.listen_address=127.0.0.1:$HTTP_PORT|" \
		"$CONF_FILE" >"$tmp"
	if cmp -s "$tmp" "$CONF_FILE"; then rm -f "$tmp"; else mv "$tmp" "$CONF_FILE"; fi
}

conf_port() { # conf_port bolt|http -> the port in conf/neo4j.conf (default if absent)
	local p
	p=$(sed -n "s|^server\.$1\.listen_address=.*:\([0-9]*\)[[:space:]]*$|\1|p" "$CONF_FILE" 2>/dev/null | tail -n 1)
	if [[ -n $p ]]; then echo "$p"; elif [[ $1 == bolt ]]; then echo "$BOLT_PORT"; else echo "$HTTP_PORT"; fi
}

random_password() {
	local pw=
	while ((${#pw} < 24)); do
		pw+=$(head -c 96 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9')
	done
	printf '%s' "${pw:0:24}"
}

first_start_done() { [[ -d $NEO4J_HOME_DIR/data/databases/system ]]; }

set_initial_password() {
	local auth=$NEO4J_HOME_DIR/data/dbms/auth.ini
	if first_start_done; then
		if [[ ! -s $PASSWORD_FILE ]]; then
			say "warning: $PASSWORD_FILE is missing but the database already has a password;"
			say "  wipe the data with 'NEO4J_INSTANCE=$INSTANCE tools/neo4j/neo4j.sh wipe' to start over (see tools/neo4j/README.md)"
		fi
		return 0
	fi
	if [[ ! -s $PASSWORD_FILE ]]; then
		(
			umask 077
			random_password >"$PASSWORD_FILE"
		)
		say "generated a random password for user neo4j ($INSTANCE instance) in $PASSWORD_FILE"
	fi
	chmod 600 "$PASSWORD_FILE"
	if [[ ! -f $auth || $PASSWORD_FILE -nt $auth ]]; then
		# The password is on this JVM's command line for a moment (neo4j-admin takes no file).
		if ! run_admin dbms set-initial-password "$(cat "$PASSWORD_FILE")" >"$INSTANCE_DIR/set-password.log" 2>&1 9>&- 8>&-; then
			cat "$INSTANCE_DIR/set-password.log" >&2
			die "neo4j-admin dbms set-initial-password failed"
		fi
		rm -f "$INSTANCE_DIR/set-password.log"
		say "set the initial password of user neo4j of the $INSTANCE instance (before first start)"
	fi
}

cmd_install() {
	find_java
	lock
	install_jars
	mkdir -p "$CONF_DIR" "$NEO4J_HOME_DIR"/{data,logs,plugins,import,run}
	# Other instances run from main's jars: NEO4J_HOME/lib (the bootloader's server.directories.lib,
	# which must be a normalized path inside or outside the home, so no ../ in the conf).
	if [[ $LIB_DIR != "$NEO4J_HOME_DIR/lib" && ! -L $NEO4J_HOME_DIR/lib ]]; then
		rm -rf "$NEO4J_HOME_DIR/lib"
		ln -s ../home/lib "$NEO4J_HOME_DIR/lib"
	fi
	write_conf
	set_initial_password
}

# ---------------------------------------------------------------------------------------------
# processes and ports

port_open() { # port_open PORT: true if something accepts TCP connections on 127.0.0.1:PORT
	timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

http_ok() {
	if command -v curl >/dev/null 2>&1; then
		curl -fsS -m 3 -o /dev/null "http://127.0.0.1:$1/" 2>/dev/null
	else
		timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1; printf 'GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3; head -n 1 <&3 | grep -q ' 200 '" 2>/dev/null
	fi
}

port_owner() { # a short description of who listens on PORT, if ss can tell
	command -v ss >/dev/null 2>&1 || return 0
	ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\(.*\)))/\1/p' | head -n 1
}

listener_is_ours() { # listener_is_ours PORT PID: the process listening on PORT is PID or its child
	command -v ss >/dev/null 2>&1 || return 0 # cannot tell: trust the port
	local lpid ppid
	lpid=$(ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)
	[[ -n $lpid ]] || return 0 # ss shows no owner (not ours to see): trust the port
	[[ $lpid == "$2" ]] && return 0
	ppid=$(awk '/^PPid:/ {print $2}' "/proc/$lpid/status" 2>/dev/null)
	[[ $ppid == "$2" ]]
}

is_our_server() { # is_our_server PID: PID is the bootloader of this home
	local cmd
	cmd=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || return 1
	[[ $cmd == *"$BOOT_CLASS"* && $cmd == *"-Dbasedir=$NEO4J_HOME_DIR "* ]]
}

# Prints the pid of this home's server if its process is alive (from the pid file, or found
# by its command line if the pid file was lost); removes a stale pid file.
server_pid() {
	local pid=
	if [[ -f $PID_FILE ]]; then
		pid=$(tr -dc '0-9' <"$PID_FILE")
		if [[ -n $pid ]] && is_our_server "$pid"; then
			echo "$pid"
			return 0
		fi
		say "removing stale pid file $PID_FILE (pid ${pid:-?} is not running neo4j)"
		rm -f "$PID_FILE"
	fi
	if command -v pgrep >/dev/null 2>&1; then
		for pid in $(pgrep -f -- "$BOOT_CLASS console" || true); do
			if is_our_server "$pid"; then
				say "found this home's server without a pid file (pid $pid); recording it"
				mkdir -p "$RUN_DIR"
				echo "$pid" >"$PID_FILE"
				echo "$pid"
				return 0
			fi
		done
	fi
	return 1
}

boot_java() { # boot_java CLASS ARGS...: run a bootloader class the way bin/neo4j does
	env -u JAVA_OPTS NEO4J_HOME="$NEO4J_HOME_DIR" NEO4J_CONF="$CONF_DIR" \
		"$JAVA" -Xmx128m -XX:+UseSerialGC -cp "$LIB_DIR/*" -Dbasedir="$NEO4J_HOME_DIR" "$@"
}

run_admin() { boot_java "$ADMIN_BOOT_CLASS" "$@"; }

ports_free_or_die() {
	local port name who busy=0
	for name in bolt http; do
		if [[ $name == bolt ]]; then port=$BOLT_PORT; else port=$HTTP_PORT; fi
		if port_open "$port"; then
			who=$(port_owner "$port")
			say "port $port ($name) on 127.0.0.1 is already in use${who:+ by $who}, not by this tree's $INSTANCE Neo4j ($NEO4J_HOME_DIR)."
			busy=1
		fi
	done
	if ((busy)); then
		say "either stop that process, or use that server instead: set NEWSGRAPH_NEO4J_URI (e.g. bolt://127.0.0.1:$BOLT_PORT)"
		say "and its credentials for newsgraph; or start this one on other ports: NEO4J_INSTANCE=$INSTANCE NEO4J_BOLT_PORT=$((BOLT_PORT + 1)) NEO4J_HTTP_PORT=$((HTTP_PORT + 1)) $0 up"
		exit 1
	fi
}

# A non-main instance on its default ports, held by something else (e.g. another checkout's test
# server, as in CI right after a session): move to the next free pair, 10 apart. Explicit
# NEO4J_BOLT_PORT / NEO4J_HTTP_PORT are never moved, and main always wants 7687/7474.
pick_free_ports() {
	[[ $INSTANCE != main ]] && ((!PORTS_EXPLICIT)) || return 0
	port_open "$BOLT_PORT" || port_open "$HTTP_PORT" || return 0
	local i b h
	for ((i = 1; i <= 30; i++)); do
		b=$((DEFAULT_BOLT_PORT + i * 10)) h=$((DEFAULT_HTTP_PORT + i * 10))
		if ! port_open "$b" && ! port_open "$h"; then
			say "ports $BOLT_PORT/$HTTP_PORT are taken by another process; the $INSTANCE instance uses $b/$h"
			BOLT_PORT=$b HTTP_PORT=$h
			return 0
		fi
	done
}

wait_ready() { # wait_ready PID T0
	local pid=$1 t0=$2 dots=0
	printf 'newsgraph: waiting for Neo4j on bolt :%s and http :%s ' "$BOLT_PORT" "$HTTP_PORT" >&2
	while :; do
		if ! kill -0 "$pid" 2>/dev/null; then
			printf '\n' >&2
			rm -f "$PID_FILE"
			say "neo4j exited during start-up; last lines of $CONSOLE_LOG:"
			tail -n 25 "$CONSOLE_LOG" >&2 || true
			exit 1
		fi
		if port_open "$BOLT_PORT" && http_ok "$HTTP_PORT"; then
			printf '\n' >&2
			# Another checkout's server may have taken the same free ports a moment before
			# this one: then the answer is not ours, and this server cannot bind.
			if ! listener_is_ours "$BOLT_PORT" "$pid"; then
				say "port $BOLT_PORT answers, but not from this $INSTANCE server (pid $pid): $(port_owner "$BOLT_PORT")"
				say "another Neo4j took the port while this one started; stopping this one — run again, or set NEO4J_BOLT_PORT / NEO4J_HTTP_PORT"
				kill "$pid" 2>/dev/null || true
				rm -f "$PID_FILE"
				exit 1
			fi
			return 0
		fi
		if ((SECONDS - t0 >= START_TIMEOUT)); then
			printf '\n' >&2
			say "neo4j did not answer within ${START_TIMEOUT}s (pid $pid still running; see $CONSOLE_LOG and $LOG_DIR/debug.log)"
			say "stop it with: $0 down"
			exit 1
		fi
		printf '.' >&2
		dots=$((dots + 1))
		sleep 1
	done
}

cmd_up() {
	local for_test=0
	[[ ${1:-} == --for-test ]] && for_test=1
	cmd_install
	local pid
	if pid=$(server_pid); then
		if port_open "$(conf_port bolt)"; then
			# Someone asked for it by hand: it is no longer a test run's to stop.
			((for_test)) || rm -f "$TEST_STARTED_MARKER"
			echo "neo4j ($INSTANCE) already running (pid $pid): bolt://127.0.0.1:$(conf_port bolt)"
			return 0
		fi
		say "neo4j ($INSTANCE, pid $pid) is running but bolt :$(conf_port bolt) does not answer yet; waiting"
		BOLT_PORT=$(conf_port bolt) HTTP_PORT=$(conf_port http) wait_ready "$pid" "$SECONDS"
		echo "neo4j ($INSTANCE) running (pid $pid): bolt://127.0.0.1:$(conf_port bolt)"
		return 0
	fi
	pick_free_ports
	ports_free_or_die
	apply_ports
	local t0=$SECONDS
	mkdir -p "$LOG_DIR" "$RUN_DIR"
	printf '\n==== newsgraph: starting Neo4j %s (%s instance) at %s ====\n' "$(neo4j_version)" "$INSTANCE" "$(date '+%F %T')" >>"$CONSOLE_LOG"
	if first_start_done; then
		say "starting Neo4j $(neo4j_version), $INSTANCE instance ($NEO4J_HOME_DIR)…"
	else
		say "starting Neo4j $(neo4j_version), $INSTANCE instance ($NEO4J_HOME_DIR), for the first time (creates the databases)…"
	fi
	(
		cd "$NEO4J_HOME_DIR"
		# Neo4j warns below 40000 open files; raise the soft limit if the hard one allows.
		ulimit -n 40000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
		exec env -u JAVA_OPTS NEO4J_HOME="$NEO4J_HOME_DIR" NEO4J_CONF="$CONF_DIR" \
			setsid nohup "$JAVA" -Xmx128m -XX:+UseSerialGC -cp "$LIB_DIR/*" -Dbasedir="$NEO4J_HOME_DIR" \
			"$BOOT_CLASS" console >>"$CONSOLE_LOG" 2>&1 </dev/null 9>&- 8>&-
	) &
	pid=$!
	echo "$pid" >"$PID_FILE"
	if ((for_test)); then touch "$TEST_STARTED_MARKER"; else rm -f "$TEST_STARTED_MARKER"; fi
	wait_ready "$pid" "$t0"
	echo "neo4j $(neo4j_version) ($INSTANCE) up in $((SECONDS - t0))s (pid $pid): bolt://127.0.0.1:$BOLT_PORT  http://127.0.0.1:$HTTP_PORT/browser/  user neo4j, password in $PASSWORD_FILE"
}

group_alive() { kill -0 -- "-$1" 2>/dev/null; }

cmd_down() {
	lock
	local pid
	if ! pid=$(server_pid); then
		rm -f "$TEST_STARTED_MARKER"
		echo "neo4j ($INSTANCE) not running"
		return 0
	fi
	local t0=$SECONDS
	printf 'newsgraph: stopping neo4j, %s instance (pid %s) ' "$INSTANCE" "$pid" >&2
	kill -TERM "$pid" 2>/dev/null || true
	# The bootloader leads its own process group (setsid); wait for the server child too.
	while kill -0 "$pid" 2>/dev/null || group_alive "$pid"; do
		if ((SECONDS - t0 >= STOP_TIMEOUT)); then
			printf '\n' >&2
			say "still running after ${STOP_TIMEOUT}s; sending SIGKILL to process group $pid"
			kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
			sleep 1
			break
		fi
		printf '.' >&2
		sleep 1
	done
	printf '\n' >&2
	rm -f "$PID_FILE" "$TEST_STARTED_MARKER"
	echo "neo4j ($INSTANCE) stopped in $((SECONDS - t0))s"
}

cmd_status() {
	local pid state=1 bolt http
	bolt=$(conf_port bolt)
	http=$(conf_port http)
	if pid=$(server_pid 2>/dev/null); then
		if port_open "$bolt"; then
			echo "neo4j ($INSTANCE) running (pid $pid)"
			state=0
		else
			echo "neo4j ($INSTANCE) starting or not answering on bolt :$bolt (pid $pid)"
		fi
	else
		echo "neo4j ($INSTANCE) not running"
	fi
	echo "  instance  $INSTANCE (NEO4J_INSTANCE)"
	echo "  version   $(neo4j_version) (Browser $(browser_version))$(jars_installed || echo ', not installed: run make neo4j-install')"
	echo "  bolt      bolt://127.0.0.1:$bolt"
	echo "  http      http://127.0.0.1:$http/  browser: http://127.0.0.1:$http/browser/"
	echo "  home      $NEO4J_HOME_DIR"
	echo "  jars      $LIB_DIR"
	echo "  password  $PASSWORD_FILE (user neo4j)"
	echo "  logs      $CONSOLE_LOG"
	((state == 0)) && return 0
	return 3
}

cmd_logs() {
	local follow=0 n=80
	while (($#)); do
		case $1 in
		-f | --follow) follow=1 ;;
		-n) n=${2:?-n needs a number}; shift ;;
		*) die "logs: unknown argument $1 (usage: logs [-f] [-n N])" ;;
		esac
		shift
	done
	[[ -f $CONSOLE_LOG ]] || die "no log yet ($CONSOLE_LOG); start the server with: NEO4J_INSTANCE=$INSTANCE $0 up"
	say "$CONSOLE_LOG (more detail in $LOG_DIR/debug.log)"
	if ((follow)); then exec tail -n "$n" -F "$CONSOLE_LOG"; else tail -n "$n" "$CONSOLE_LOG"; fi
}

cmd_admin() {
	(($#)) || die "usage: $0 admin ARGS...   e.g. $0 admin database import full --help"
	cmd_install
	exec 9>&- 8>&-
	run_admin "$@"
}

cmd_cypher() {
	cmd_install >/dev/null
	exec 9>&- 8>&-
	[[ -s $PASSWORD_FILE ]] || die "no password file at $PASSWORD_FILE"
	# cypher-shell reads NEO4J_PASSWORD, which keeps the password off the command line.
	NEO4J_PASSWORD=$(cat "$PASSWORD_FILE") exec env -u JAVA_OPTS "$JAVA" -Xmx256m -cp "$LIB_DIR/*" "$SHELL_CLASS" \
		-a "bolt://127.0.0.1:$(conf_port bolt)" -u neo4j "$@"
}

cmd_password() {
	case ${1:-} in
	"") echo "$PASSWORD_FILE" ;;
	--rotate)
		find_java
		local pid
		pid=$(server_pid) || die "password --rotate needs a running server: NEO4J_INSTANCE=$INSTANCE $0 up"
		local old new
		old=$(cat "$PASSWORD_FILE")
		new=$(random_password)
		# The statement goes through stdin, so neither password shows up in ps.
		printf "ALTER CURRENT USER SET PASSWORD FROM '%s' TO '%s';\n" "$old" "$new" |
			NEO4J_PASSWORD=$old env -u JAVA_OPTS "$JAVA" -Xmx256m -cp "$LIB_DIR/*" "$SHELL_CLASS" \
				-a "bolt://127.0.0.1:$(conf_port bolt)" -u neo4j -d system --non-interactive >/dev/null ||
			die "changing the password failed; $PASSWORD_FILE is unchanged"
		(
			umask 077
			printf '%s' "$new" >"$PASSWORD_FILE.tmp"
		)
		mv "$PASSWORD_FILE.tmp" "$PASSWORD_FILE"
		say "new password for user neo4j written to $PASSWORD_FILE"
		;;
	*) die "usage: $0 password [--rotate]" ;;
	esac
}

cmd_wipe() {
	if [[ ${1:-} != --yes ]]; then
		[[ -t 0 ]] || die "wipe deletes all Neo4j data of the $INSTANCE instance in $NEO4J_HOME_DIR/data; rerun with --yes"
		local answer
		read -r -p "Delete all Neo4j data of the $INSTANCE instance in $NEO4J_HOME_DIR/data and its password? [y/N] " answer
		[[ $answer == [yY]* ]] || die "not wiped"
	fi
	cmd_down
	rm -rf "$NEO4J_HOME_DIR/data" "$PASSWORD_FILE"
	say "wiped $NEO4J_HOME_DIR/data and $PASSWORD_FILE; the next 'up' starts empty with a new password"
}

usage() {
	sed -n '2,25s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

main() {
	local cmd=${1:-}
	(($#)) && shift
	case $cmd in
	install) cmd_install "$@" ;;
	up | start) cmd_up "$@" ;;
	down | stop) cmd_down "$@" ;;
	status) cmd_status "$@" ;;
	logs) cmd_logs "$@" ;;
	admin) cmd_admin "$@" ;;
	cypher | cypher-shell) cmd_cypher "$@" ;;
	password) cmd_password "$@" ;;
	wipe) cmd_wipe "$@" ;;
	uri) echo "bolt://127.0.0.1:$(conf_port bolt)" ;;
	help | -h | --help) usage ;;
	"")
		usage >&2
		exit 2
		;;
	*)
		say "unknown command: $cmd"
		usage >&2
		exit 2
		;;
	esac
}

main "$@"
