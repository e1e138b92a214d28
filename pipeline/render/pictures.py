"""Pictures drawn once per data.

`PictureCache(folder)` gives each picture of the contexts (the annual report's
chart) the PNG kept in `folder` (the cache's "pictures", core/cache.py) when
the same one was drawn before, else draws it now and keeps it there once the
run has written its documents.
"""

from __future__ import annotations

from pathlib import Path

from ..core.cache import sealed, unsealed, write_whole

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_DRAWN: dict[str, bytes] = {}   # this process's pictures by key (`watch` redraws only a changed year)


def _is_picture(value) -> bool:
    """A value with a `key` naming what it shows and a `png` drawn on first use (asked of its class: no drawing)."""
    return hasattr(type(value), "key") and hasattr(type(value), "png")


class PictureCache:
    """Pictures of the contexts (the annual report's chart) kept in `folder` under the hash of what they show.

    `fill(context)` gives each picture of a context its PNG: kept from an
    earlier run, else drawn now. `keep()`, called once the run has written its
    documents, stores the newly drawn ones; a run that fails keeps nothing new,
    so the outputs folder is as it was. The key hashes everything the picture
    depends on (chart.Chart.key), so a kept PNG is the one drawing would give,
    to the byte. The cache is an optimisation only: a folder that cannot be
    read or written, or none (nothing is kept: SHTAB_CACHE=off), just means drawing again.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder or Path()
        self.usable = folder is not None and not folder.is_symlink()
        self.drawn: dict[Path, bytes] = {}

    def fill(self, context: dict) -> dict:
        for picture in filter(_is_picture, context.values()):
            if "png" in vars(picture):
                continue
            path = self.folder / f"{picture.key}.png"
            png = _DRAWN.get(picture.key) or (_read_png(path) if self.usable else None)
            if png is None:
                png = self.drawn[path] = picture.png
            elif self.usable and not path.is_file():
                self.drawn[path] = png
            picture.png = _DRAWN[picture.key] = png
        return context

    def keep(self) -> None:
        if self.usable:
            for path, png in self.drawn.items():
                _keep(path, png)
        self.drawn.clear()


def _read_png(path: Path) -> bytes | None:
    """The kept PNG, or None when the file is missing, cut or not a picture (each file carries its SHA-256, as
    everything the cache keeps)."""
    try:
        data = unsealed(path.read_bytes())
    except OSError:
        return None
    return data if data is not None and data.startswith(PNG_SIGNATURE) else None


def _keep(path: Path, data: bytes) -> None:
    try:
        write_whole(path, sealed(data))
    except OSError:
        pass   # a full disk or a read-only folder: drawn again next time
