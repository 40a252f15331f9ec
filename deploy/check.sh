#!/usr/bin/env bash
# The deploy check: the files in deploy/ pass their tools' checks, and the published hosts, started
# as the systemd units start them (the units' ExecStart and WorkingDirectory, environment files
# made from env/*.example with this machine's addresses), form one cluster on PostgreSQL: a web
# node and two GPU-box silos, each silo driving a fake ComfyUI process. It registers the operator,
# sees both silos Active and their devices, generates a small project to the end, and stops one
# silo with SIGTERM: it drains, exits 0, and its membership row goes Dead.
#
#   VIDEOGEN_TEST_POSTGRES='Host=127.0.0.1;Username=postgres;Password=postgres' deploy/check.sh
#
# VIDEOGEN_PUBLISHED=<dir> reuses `dotnet publish` output in <dir>/web and <dir>/silo.
# The hosts run as the calling user, not as the units' videogen user.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deploy="$root/deploy"
: "${VIDEOGEN_TEST_POSTGRES:?set VIDEOGEN_TEST_POSTGRES (Host=...;Username=...;Password=...) to a PostgreSQL server this check may create a database on}"
started=$SECONDS

step() { printf '[deploy-check %3ds] %s\n' "$((SECONDS - started))" "$*"; }
fail() { echo "deploy check FAILED: $*" >&2; for log in "$work"/*.log; do echo "--- ${log##*/}" >&2; tail -n 25 "$log" >&2; done; exit 1; }

# A value of the test server's connection string (Host, Username, Password).
pg_setting() { tr ';' '\n' <<<"$VIDEOGEN_TEST_POSTGRES" | sed -n "s/^[[:space:]]*$1[[:space:]]*=//Ip" | head -n 1; }
pg_host="$(pg_setting Host)"; pg_user="$(pg_setting Username)"; pg_password="$(pg_setting Password)"
database="videogen_deploy_check_$$"
psql_on() { PGPASSWORD="$pg_password" psql -h "$pg_host" -U "$pg_user" -d "$1" -v ON_ERROR_STOP=1 -qAt -c "$2"; }

work="$(mktemp -d /tmp/videogen-deploy-check.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql_on postgres "DROP DATABASE IF EXISTS $database WITH (FORCE)" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- The files pass their tools' own checks ------------------------------------------------------
step "systemd-analyze verify and nginx -t"
units="$work/units"; mkdir -p "$units"
cp "$deploy"/systemd/*.service "$units/"
cp "$units/comfyui@.service" "$units/comfyui@0.service"
cp "$units/comfyui-video@.service" "$units/comfyui-video@0.service"
# The studio's binaries are not installed on this machine, so "is not executable" for them is expected.
problems="$(systemd-analyze verify --man=no "$units"/{videogen-web,videogen-silo,comfyui@0,comfyui-video@0}.service 2>&1 \
  | grep -v -e '/opt/videogen/.*is not executable' || true)"
[ -z "$problems" ] || fail "systemd-analyze verify: $problems"
mkdir -p "$work/nginx"
printf 'pid %s/nginx.pid;\nerror_log %s/error.log;\nevents {}\nhttp { include %s; }\n' \
  "$work/nginx" "$work/nginx" "$deploy/nginx/videogen.conf" >"$work/nginx/nginx.conf"
nginx -t -q -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" || fail "nginx -t"

# The unit's stop timeout must outlast the drain grace of the example plus the host's 10 s margin.
unit_value() { sed -n "s/^$2=//p" "$deploy/systemd/$1" | head -n 1; }
env_value() { sed -n "s/^$2=//p" "$1" | head -n 1; }
stop_timeout="$(unit_value videogen-silo.service TimeoutStopSec)"
grace="$(env_value "$deploy/env/silo.env.example" Silo__DrainGraceSeconds)"
[ "$stop_timeout" -gt $((grace + 10)) ] || fail "TimeoutStopSec=$stop_timeout does not exceed Silo__DrainGraceSeconds=$grace plus 10 s"

# --- Publish the hosts where the units expect them --------------------------------------------
opt="$work/opt/videogen"; mkdir -p "$opt"
if [ -n "${VIDEOGEN_PUBLISHED:-}" ]; then
  step "using the published hosts in $VIDEOGEN_PUBLISHED"
  ln -s "$VIDEOGEN_PUBLISHED/web" "$opt/web"; ln -s "$VIDEOGEN_PUBLISHED/silo" "$opt/silo"
else
  step "dotnet publish src/Web and src/Silo"
  dotnet publish "$root/src/Web" -c Release -o "$opt/web" -v quiet -nologo >/dev/null
  dotnet publish "$root/src/Silo" -c Release -o "$opt/silo" -v quiet -nologo >/dev/null
fi
step "dotnet publish tests/FakeComfyUi.Host (the fake ComfyUI as a process)"
dotnet publish "$root/tests/FakeComfyUi.Host" -c Release -o "$work/fake" -v quiet -nologo >/dev/null

# --- Database, ports, fake devices ----------------------------------------------------------------
psql_on postgres "CREATE DATABASE $database"
connection="Host=$pg_host;Database=$database;Username=$pg_user;Password=$pg_password;Maximum Pool Size=10"

# A port below the ephemeral range that nothing listens on and this check has not handed out.
taken=" "
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 12000))
    [[ "$taken" == *" $port "* ]] && continue
    ss -Htln "sport = :$port" | grep -q . && continue
    taken+="$port "; echo "$port"; return
  done
}

start_fake() {
  (exec "$work/fake/VideoGen.FakeComfyUi" --job-ms 1000) >"$work/$1.log" 2>&1 &
  pids+=($!)
}
fake_url() {
  for _ in $(seq 1 100); do
    if head -n 1 "$work/$1.log" | grep -q '^http'; then head -n 1 "$work/$1.log"; return; fi
    sleep 0.1
  done
  fail "$1 did not start"
}

# An environment file as the operator writes it: the example, with these KEY=value lines in place
# of the example's (or added), and without the lines starting with a prefix given as -PREFIX.
render_env() {
  local example="$1" out="$2"; shift 2
  local drop=() set=() line skip prefix pair
  for arg in "$@"; do case "$arg" in -*) drop+=("${arg#-}") ;; *) set+=("$arg") ;; esac; done
  mkdir -p "$(dirname "$out")"
  {
    while IFS= read -r line; do
      skip=false
      for prefix in "${drop[@]}"; do [[ "$line" == "$prefix"* ]] && skip=true; done
      for pair in "${set[@]}"; do [[ "$line" == "${pair%%=*}="* ]] && skip=true; done
      $skip || echo "$line"
    done <"$deploy/env/$example"
    printf '%s\n' "${set[@]}"
  } >"$out"
}

# Starts a host as systemd starts <unit>: its WorkingDirectory and ExecStart (under $opt instead of
# /opt/videogen) with only the variables of its EnvironmentFile (from <etc> instead of /etc/videogen).
# A framework-dependent publish finds the runtime through DOTNET_ROOT; a self-contained one needs none.
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
declare -A pid
start_unit() {
  local unit="$1" etc="$2" name="$3" dir env_file line exec vars=()
  dir="$(unit_value "$unit" WorkingDirectory)"; dir="${dir/\/opt\/videogen/$opt}"
  env_file="$(unit_value "$unit" EnvironmentFile)"; env_file="${env_file#-}"; env_file="${env_file/\/etc\/videogen/$etc}"
  read -ra exec <<<"$(unit_value "$unit" ExecStart)"
  exec[0]="${exec[0]/\/opt\/videogen/$opt}"
  while IFS= read -r line; do [[ "$line" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] && vars+=("$line"); done <"$env_file"
  (cd "$dir" && exec env -i PATH="$PATH" HOME="$work" DOTNET_ROOT="$dotnet_root" "${vars[@]}" "${exec[@]}") >"$work/$name.log" 2>&1 &
  pid[$name]=$!
  pids+=($!)
}

# Waits until <name>'s /health answers healthy (its silo is Active) and prints the answer.
wait_healthy() {
  local name="$1" url="$2" body
  for _ in $(seq 1 180); do
    kill -0 "${pid[$name]}" 2>/dev/null || fail "$name exited before it was healthy"
    if body="$(curl -sf -m 2 "$url/health")"; then echo "$body"; return; fi
    sleep 0.5
  done
  fail "$name did not answer /health healthy within 90 s"
}

step "starting two fake ComfyUI servers, one per GPU box"
start_fake fake-a; start_fake fake-b
url_a="$(fake_url fake-a)"; url_b="$(fake_url fake-b)"

web_port="$(free_port)"; silo_a_port="$(free_port)"; silo_b_port="$(free_port)"
web="http://127.0.0.1:$web_port"; silo_a="http://127.0.0.1:$silo_a_port"; silo_b="http://127.0.0.1:$silo_b_port"
common=("Store__ConnectionString=$connection" "Media__Root=$work/media" "Cluster__AdvertisedAddress=127.0.0.1")
render_env web.env.example "$work/etc/web/web.env" "${common[@]}" "Urls=$web" \
  "Cluster__SiloPort=$(free_port)" "Cluster__GatewayPort=$(free_port)"
# Each box's own name, devices and ports; the example's second GPU is left out (one fake each).
for box in a b; do
  url_var="url_$box"; http_var="silo_$box"
  render_env silo.env.example "$work/etc/silo-$box/silo.env" -Devices__ "${common[@]}" "Urls=${!http_var}" \
    "Silo__Name=gpu-box-$box" "Cluster__SiloPort=$(free_port)" "Cluster__GatewayPort=$(free_port)" \
    "Devices__0__Name=gpu-box-$box-gpu0" "Devices__0__Kind=comfyui" "Devices__0__Url=${!url_var}"
done

step "starting the web node and two silos as videogen-web.service and videogen-silo.service do"
start_unit videogen-web.service "$work/etc/web" web
start_unit videogen-silo.service "$work/etc/silo-a" silo-a
start_unit videogen-silo.service "$work/etc/silo-b" silo-b
cluster_id="$(env_value "$work/etc/web/web.env" Cluster__Id)"
for host in web:$web silo-a:$silo_a silo-b:$silo_b; do
  health="$(wait_healthy "${host%%:*}" "${host#*:}")"
  step "${host%%:*} /health: $(jq -c '{status, cluster, devices}' <<<"$health")"
  [ "$(jq -r .cluster.status <<<"$health")" = active ] || fail "${host%%:*} is not Active"
  [ "$(jq -r .cluster.id <<<"$health")" = "$cluster_id" ] || fail "${host%%:*} is not in cluster $cluster_id"
done

membership() { psql_on "$database" "SELECT silo_name || ' ' || address || ':' || port || ' ' || status FROM orleans_membership WHERE cluster_id = '$cluster_id' ORDER BY silo_name, generation"; }
active="$(psql_on "$database" "SELECT string_agg(silo_name, ',' ORDER BY silo_name) FROM orleans_membership WHERE cluster_id = '$cluster_id' AND status = 3")"
step "orleans_membership (3 = Active): $(membership | paste -sd ';' -)"
[ "$active" = "gpu-box-a,gpu-box-b,web-1" ] || fail "Active silos in orleans_membership are '$active', not gpu-box-a,gpu-box-b,web-1"

# --- The operator's view and a small project through the API -------------------------------------
api() { local method="$1" path="$2"; shift 2; curl -sS -f -m 10 -X "$method" -H 'Content-Type: application/json' ${token:+-H "Authorization: Bearer $token"} "$web$path" "$@"; }
token=""
credentials='{"email":"operator@deploy-check.test","password":"Deploy-check-1"}'
api POST /api/v1/auth/register -d "$credentials" >/dev/null || fail "registering the first account"
token="$(api POST /api/v1/auth/login -d "$credentials" | jq -r .accessToken)"
[ -n "$token" ] && [ "$token" != null ] || fail "no access token from /api/v1/auth/login"

devices=""
for _ in $(seq 1 60); do
  devices="$(api GET /api/v1/devices)"
  online="$(jq -r '[.[] | select(.status == "online") | .name + "@" + .silo] | sort | join(",")' <<<"$devices")"
  [[ "$online" == *"gpu-box-a-gpu0@gpu-box-a"* && "$online" == *"gpu-box-b-gpu0@gpu-box-b"* ]] && break
  sleep 0.5
done
step "GET /api/v1/devices (online): $online"
[[ "$online" == *"gpu-box-a-gpu0@gpu-box-a"* && "$online" == *"gpu-box-b-gpu0@gpu-box-b"* ]] || fail "both boxes' devices are not online: $devices"

# Creates a small project (two sections, four sentences) and queues every scene; prints its id.
generate_project() {
  local script='# Dawn\nA lighthouse stands on a rocky cape at dawn. Waves break below it.\n\n# Morning\nGulls circle the lamp as the sun rises. The keeper waves from the gallery.'
  local id batch
  id="$(api POST /api/v1/projects -d "{\"name\":\"$1\",\"script\":\"$script\"}" | jq -r .id)" || fail "creating project '$1'"
  batch="$(api POST "/api/v1/projects/$id/generate-scenes")" || fail "generate-scenes of '$1'"
  step "project '$1' ($id): generate-scenes $(jq -c . <<<"$batch")" >&2
  echo "$id"
}
# Polls a project's progress until every scene is done; any failed job fails the check.
wait_project() {
  local progress total done_ failed
  for _ in $(seq 1 240); do
    progress="$(api GET "/api/v1/projects/$1/progress")"
    total="$(jq .total <<<"$progress")"; done_="$(jq .done <<<"$progress")"; failed="$(jq .failed <<<"$progress")"
    [ "$failed" = 0 ] || fail "jobs of project $1 failed: $progress"
    if [ "$total" -gt 0 ] && [ "$done_" = "$total" ]; then
      step "project $1 progress: $(jq -c '{total, done, failed, running, queued}' <<<"$progress")"
      return
    fi
    sleep 0.5
  done
  fail "project $1 did not finish within 120 s: $progress"
}
completed_per_device() { api GET /api/v1/devices | jq -r '[.[] | select(.completed > 0) | .name + "=" + (.completed | tostring)] | join(",")'; }

first="$(generate_project "Deploy check")"
wait_project "$first"
step "jobs completed per device: $(completed_per_device)"

# --- Draining one box while it runs a job --------------------------------------------------------
second="$(generate_project "Deploy check, drained")"
running=""
for _ in $(seq 1 200); do
  running="$(api GET /api/v1/devices | jq -r '.[] | select(.name == "gpu-box-b-gpu0") | [.lanes[].jobId | select(. != null)] | first // empty')"
  [ -n "$running" ] && break
  sleep 0.05
done
[ -n "$running" ] || fail "gpu-box-b-gpu0 never ran a job of the second project"
step "SIGTERM to silo-b (what systemctl stop sends) while it runs job $running"
kill -TERM "${pid[silo-b]}"
stop_started=$SECONDS
set +e; wait "${pid[silo-b]}"; exit_code=$?; set -e
step "silo-b exited with $exit_code after $((SECONDS - stop_started)) s"
[ "$exit_code" = 0 ] || fail "silo-b exited with $exit_code after SIGTERM"
status_b="$(psql_on "$database" "SELECT status FROM orleans_membership WHERE cluster_id = '$cluster_id' AND silo_name = 'gpu-box-b' ORDER BY generation DESC LIMIT 1")"
step "orleans_membership (6 = Dead): $(membership | paste -sd ';' -)"
[ "$status_b" = 6 ] || fail "gpu-box-b's membership row has status $status_b, not 6 (Dead)"
device_b="$(api GET /api/v1/devices | jq -r '.[] | select(.name == "gpu-box-b-gpu0") | .status')"
step "gpu-box-b-gpu0 on /api/v1/devices: $device_b"
[ "$device_b" = offline ] || fail "gpu-box-b-gpu0 is $device_b, not offline, after its silo stopped"
wait_project "$second"
job="$(api GET "/api/v1/jobs/$running")"
step "job $running: $(jq -c '{kind, status, device, attempt}' <<<"$job")"
[ "$(jq -r .status <<<"$job")" = succeeded ] || fail "the job running during the drain did not succeed: $job"
# Within the drain grace the drained silo finishes the job itself: not handed back, not run again.
[ "$(jq -r '"\(.device) \(.attempt)"' <<<"$job")" = "gpu-box-b-gpu0 1" ] \
  || fail "the job running during the drain was not finished by gpu-box-b-gpu0 on its first attempt: $job"
health_a="$(wait_healthy silo-a "$silo_a")"
health_web="$(wait_healthy web "$web")"
step "after the drain: silo-a $(jq -r .cluster.status <<<"$health_a"), web $(jq -r .cluster.status <<<"$health_web")"
step "deploy check passed in $((SECONDS - started)) s"
