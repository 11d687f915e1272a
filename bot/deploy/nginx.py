"""nginx in front of the Rasa instances: the configuration file, written for each run."""

from __future__ import annotations

import os
from pathlib import Path

from bot.deploy.settings import ProductionSettings

# The access log keeps the path without its query string: the Rasa API token travels as
# `?token=` and must never reach a log file. Message texts are in request bodies, never logged.
_TEMPLATE = """\
# Written by `python -m bot prod up` for this run; edit bot/deploy/nginx.py instead.
{user}worker_processes auto;
pid {run}/nginx.pid;
error_log {run}/nginx-error.log warn;
daemon off;
events {{ worker_connections 1024; }}

http {{
    log_format no_query '$remote_addr [$time_local] "$request_method $uri" $status '
                        '$body_bytes_sent $request_time upstream=$upstream_addr';
    access_log {run}/nginx-access.log no_query;
    client_body_temp_path {run}/nginx-temp/body;
    proxy_temp_path {run}/nginx-temp/proxy;
    server_tokens off;
    client_max_body_size 256k;

    # Plain requests (REST webhooks, messaging platforms, the token-protected API): to the
    # instance with fewest open requests. If an instance is down or dies before answering,
    # nginx passes the message to the next one (POST included): the conversation goes on,
    # with its history in the shared tracker store and Redis locks keeping its order.
    upstream rasa {{
        zone rasa 64k;  # one view of which instances are down, shared by all nginx workers
        least_conn;
{servers}
        keepalive 32;
    }}
    # socket.io keeps a session inside one instance: the same client always goes to the same one.
    upstream rasa_socketio {{
        zone rasa_socketio 64k;
        ip_hash;
{servers}
    }}
    map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}

    server {{
        listen {host}:{port};
        add_header X-Content-Type-Options nosniff always;
        add_header Referrer-Policy no-referrer always;

        location /socket.io/ {{
            proxy_pass http://rasa_socketio;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 1h;
        }}

        location / {{
            proxy_pass http://rasa;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_connect_timeout 2s;
            proxy_read_timeout 120s;
            proxy_next_upstream error timeout non_idempotent;
            proxy_next_upstream_tries {tries};
        }}
    }}
}}
"""


def render_config(settings: ProductionSettings) -> str:
    run = settings.run_dir.resolve()
    servers = "\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;" for port in settings.rasa_ports)
    # nginx started by root hands its workers to `nobody`, who cannot write our temp folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return _TEMPLATE.format(
        user=user,
        run=run,
        servers=servers,
        host=settings.public_host,
        port=settings.public_port,
        tries=settings.rasa_instances,
    )


def write_config(settings: ProductionSettings) -> Path:
    run = settings.run_dir.resolve()
    for folder in ("nginx-temp/body", "nginx-temp/proxy"):
        (run / folder).mkdir(parents=True, exist_ok=True)
    path = run / "nginx.conf"
    path.write_text(render_config(settings))
    return path
