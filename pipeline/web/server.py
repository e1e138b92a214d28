"""`serve`: the workspace on 127.0.0.1, its start URL printed first and opened in her browser.

The first line of output is the start URL with its one-time token
(`http://127.0.0.1:8765/?token=...`, as Jupyter prints it), so a script or a
test can read it. Another host than 127.0.0.1 must be asked for with `--host`
and is announced with a warning: the workspace then answers the network, and
the start token is all that guards the secretary's files.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import webbrowser
from pathlib import Path
from typing import Callable

import click

from ..locale.messages import _
from .app import create_app
from .pages import Workspace
from .security import LOCAL_HOSTS, Secrets

DEFAULT_PORT = 8765


def free_port(host: str, wanted: int) -> int:
    """`wanted` if it is free, else one the system gives: a second workspace must not fail to start."""
    for port in (wanted, 0):
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise click.ClickException(str(_("no free port on {host}", host=host)))


def start_url(host: str, port: int, token: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/?token={token}"


def serve(inputs: Path, outputs: Path, host: str, port: int, open_browser: bool, default_lang: str,
          today: Callable[[], dt.date] = dt.date.today) -> None:
    import uvicorn
    keys = Secrets()
    hosts = LOCAL_HOSTS if host in LOCAL_HOSTS else LOCAL_HOSTS + (host,)
    port = free_port(host, port)
    url = start_url(host, port, keys.token)
    click.echo(url)
    if host not in LOCAL_HOSTS:
        click.echo(_("warning: the workspace answers on {host}, not only on this computer; anyone who learns the "
                     "link above can edit the inputs. Stop it with Ctrl-C when done.", host=host), err=True)
    app = create_app(Workspace(inputs, outputs, keys, default_lang, today), hosts)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)
