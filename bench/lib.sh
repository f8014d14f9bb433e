# Shared by the bench scripts: sourced, not run.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 "${WAIT_TRIES:-300}"); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; exit 1; }
need_wrk() { command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }; }
publish_app() { # dir
  dotnet publish src/Broadsheet -c Release -o "$1" -nologo -v quiet
}

# A throwaway PostgreSQL cluster on loopback (as root: the folder belongs to postgres, under /tmp).
# Sets pg_port and pg_dir; stop_postgres stops it.
start_postgres() { # dir
  pg_dir=$1; pg_port=$(free_port)
  local bin; bin=$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' | tail -n1)")
  mkdir -p "$pg_dir"; chown postgres:postgres "$pg_dir"
  (cd / && runuser -u postgres -- "$bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null)
  (cd / && runuser -u postgres -- "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null)
}
stop_postgres() {
  local bin; bin=$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' | tail -n1)")
  [[ -n ${pg_dir:-} ]] && (cd / && runuser -u postgres -- "$bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1) || true
}
need_servers() { # redis-server and nginx from Debian, for the scale-out runs
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  ((${#missing[@]} == 0)) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }
}
# nginx as shipped in deploy/nginx/broadsheet.conf, with its two upstream ports and listen port
# rewritten, inside a minimal main config of its own; extra server blocks can be appended.
# NGINX_WORKER_CONNECTIONS (4096 by default) per worker: a held stream takes two (bench/live.sh).
write_nginx_conf() { # dir listen-port app-port-1 app-port-2 [extra server block]
  local dir=$1
  mkdir -p "$dir/logs" "$dir/tmp"
  sed -e "s/127\.0\.0\.1:5001/127.0.0.1:$3/; s/127\.0\.0\.1:5002/127.0.0.1:$4/" \
      -e "s/listen 80;/listen 127.0.0.1:$2;/; s|/var/log/nginx/|$dir/logs/|" deploy/nginx/broadsheet.conf > "$dir/site.conf"
  cat > "$dir/nginx.conf" <<CONF
user root;
worker_processes auto;
worker_rlimit_nofile ${NGINX_WORKER_CONNECTIONS:-4096};
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections ${NGINX_WORKER_CONNECTIONS:-4096}; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body; proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi; uwsgi_temp_path $dir/tmp/uwsgi; scgi_temp_path $dir/tmp/scgi;
  include /etc/nginx/mime.types;
  include $dir/site.conf;
  ${5:-}
}
CONF
}
