"""`serve`: the secretary's workspace in the browser; the server itself is pipeline/web/."""

from __future__ import annotations

import datetime as dt

import click

from ...locale.messages import ui_lang
from .common import Options, WholeNumber


@click.command()
@click.option("--port", type=WholeNumber(0, 65535, 8800), default=8765, show_default=True,
              metavar="PORT", help="Port; when it is taken, a free one is chosen.")
@click.option("--no-browser", is_flag=True, help="Print the start link without opening the browser.")
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ADDRESS",
              help="Address to answer on. Anything but 127.0.0.1/localhost exposes the workspace to the "
                   "network and prints a warning.")
@click.pass_context
def serve(ctx: click.Context, port: int, no_browser: bool, host: str) -> None:
    """Open the secretary's workspace in the browser: forms over the same YAML files, live findings, documents.

    The first line printed is the start link with its one-time token; the browser opens it. Pages in Kazakh
    or Russian (switch in the header). Saving changes only what was edited in the YAML and refuses when the
    file changed on disk meanwhile. Stop with Ctrl-C.

    \b
    Example:
      python -m pipeline serve
      python -m pipeline serve --port 8800 --no-browser
      make serve
    """
    from ...web.server import serve as run_server
    options: Options = ctx.obj
    options.require_inputs()
    fixed = options.as_of if options.as_of_asked else None     # --as-of fixes the clock; else today, each request
    run_server(options.inputs, options.outputs, host, port, not no_browser,
               ui_lang() if ui_lang() in ("kk", "ru") else "kk", (lambda: fixed) if fixed else dt.date.today)
