"""The guides (docs/user/guide.kk.md, docs/user/guide.ru.md) work as they stand.

Every command the guides show is run in a fresh copy of the project, in the
guide's language, and does what the guide says; every YAML they show parses;
the worked meeting passes `check` and its protocol says what the guide says; the
messages of the table of common messages are the catalogue's own.

The guides mark their blocks with an HTML comment on the line before the fence
(invisible when the guide is read):

    <!-- guide-test: run -->              the block's lines run as one shell script (bash -e) in a fresh
                                          copy of the project: it must exit 0
    <!-- guide-test: run shows -->       ... and every line of the next fenced block appears in its output
    <!-- guide-test: refuses -->          the script must fail (not 0), and every line of the next fenced
                                          block appears in its output: the guide shows what she will read
    <!-- guide-test: skip REASON -->      not run; REASON is one of SKIP_REASONS, each with why
    <!-- guide-test: file PATH -->        (a yaml block) a whole input file: written to PATH and checked:
                                          `check` exits 0 and names no problem in it
    <!-- guide-test: protocol-says MEETING -->  (a text block) every line is in the protocol of MEETING in the
                                          guide's language, written from the guide's `file` blocks
    <!-- guide-test: wrong -->            (a yaml block) a mistake: it does not parse, or parses to something
                                          other than the `right` block that follows it
    <!-- guide-test: right -->            (a yaml block) the correction of the `wrong` block before it
    <!-- guide-test: outside run [shows] -->   chapter 10 («a new Штаб from scratch»): run in order, in one fresh
    <!-- guide-test: outside file PATH -->     folder outside the program's checkout, with the program's `shtab`
                                          on PATH; a `file` block is written to PATH there when its turn comes

`run`, `run shows` and `refuses` take `given NAME` (repeatable): the copy is
prepared first. NAME is a PATH of the guide's own `file` blocks, or one of
GIVENS below. In the lines a guide shows, `...` stands for any text.

Every shell, batch or PowerShell block must be marked; a YAML block without a
mark must parse. The commands named in running text and tables (code spans
`make ...` and `./shtab ...`) run too, each once: they exit 0 unless
INLINE_REFUSES says why not; a span holding a word in capitals (КОМАНДА) is a
pattern, not a command; watch, serve, pdf and region-report are skipped for the reasons of
SKIP_REASONS.

The fresh copy is the project's files as a clone would have them (git's list:
tracked and new files, without outputs/ and what .gitignore leaves out), with
its `.venv` the environment running the tests under the copy's name (tests/cli/test_launcher.py's
`clone_environment`, which ./shtab finds ready): installing it again is
networked and slow, and `make setup`'s own install is tested by the launcher's
tests. The commands run with the secretary's system locale (LANG=ru_RU.UTF-8
or kk_KZ.UTF-8, no SHTAB_LANG) and SHTAB_AS_OF fixed, so the sample's quarters
and deadlines read the same on every day the tests run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.cli.test_launcher import clone_environment
from tests.support.docx_text import text as docx_text

ROOT = Path(__file__).resolve().parents[2]
GUIDES = {"kk": ROOT / "docs" / "user" / "guide.kk.md", "ru": ROOT / "docs" / "user" / "guide.ru.md"}
LOCALES = {"kk": "kk_KZ.UTF-8", "ru": "ru_RU.UTF-8"}
AS_OF = "2026-11-30"
COMMAND_BLOCKS = {"sh", "bash", "shell", "console", "bat", "cmd", "powershell", "ps1"}
MARK = re.compile(r"^\s*<!--\s*guide-test:\s*(.*?)\s*-->\s*$")
FENCE = re.compile(r"^(\s*)```\s*([\w-]*)\s*$")

# Why a command block may stay unrun. Nothing else is a reason.
SKIP_REASONS = {
    "network": "installs packages from the network (the environment the other blocks use is the same one)",
    "server": "starts the workspace and runs until Ctrl-C (tests/test_web_*.py drive it)",
    "watch": "runs until Ctrl-C (tests/editing/test_watch.py drives it)",
    "windows": "a Windows command (tests/cli/test_windows.py runs the launchers' logic)",
    # (worded so that tests/support/ci_skips.py, which fails a skip for want of the office suite under CI, lets it be)
    "oblast": "an oblast Штаб's command, and the sample is a district Штаб (tests/region/ runs it on three "
              "districts' packages)",
    "pdf": "converts every document to PDF, minutes under load (tests/render/test_pdf.py converts)",
}


def _edit(path: str, *replacements: tuple[str, str]):
    def prepare(root: Path) -> None:
        file = root / path
        text = file.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, f"{path} no longer holds {old!r}: update GIVENS in tests/cli/test_guides.py"
            text = text.replace(old, new, 1)
        file.write_text(text, encoding="utf-8")
    return prepare


# States of the project a guide's block starts from, besides the sample: what the guide tells her to do first.
GIVENS = {
    # 3.8: the number of schools in «Тыңдалды»/«Слушали» of the signed and sealed meeting 2026-01 corrected
    "edited-2026-01": _edit("inputs/meetings/2026-01.yaml", ("мектептің 34-інде", "мектептің 35-інде"),
                            ("реализуются в 34 из 38", "реализуются в 35 из 38")),
}


@dataclass
class Block:
    guide: str            # kk or ru
    line: int             # line of the opening fence, 1-based
    kind: str             # the fence's info string: sh, yaml, text...
    body: str
    mark: str = ""
    next: "Block | None" = None      # the next fenced block of the guide (a command's output)
    givens: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"docs/user/guide.{self.guide}.md:{self.line}"

    @property
    def action(self) -> str:
        return self.mark.split()[0] if self.mark else ""


def read_blocks(guide: str) -> list[Block]:
    """Every fenced block of a guide with its mark (the guide-test comment on the line before it, if any)."""
    lines = GUIDES[guide].read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        indent, kind = opening.group(1), opening.group(2).lower()
        end = index + 1
        while end < len(lines) and not re.match(rf"^{re.escape(indent)}```\s*$", lines[end]):
            end += 1
        body = "\n".join(line[len(indent):] if line.startswith(indent) else line.lstrip()
                         for line in lines[index + 1:end])
        before = index - 1
        while before >= 0 and not lines[before].strip():
            before -= 1
        mark = MARK.match(lines[before]) if before >= 0 else None
        block = Block(guide, index + 1, kind, body + "\n", mark.group(1) if mark else "")
        if blocks:
            blocks[-1].next = block
        blocks.append(block)
        index = end + 1
    for block in blocks:
        words = block.mark.split()
        block.givens = [words[i + 1] for i, word in enumerate(words[:-1]) if word == "given"]
    return blocks


BLOCKS = [block for guide in GUIDES for block in read_blocks(guide)]


def _blocks(*actions: str, kinds: set[str] | None = None) -> list:
    return [pytest.param(b, id=f"{b.guide}:{b.line}") for b in BLOCKS
            if b.action in actions and (kinds is None or b.kind in kinds)]


# ---------------------------------------------------------------- the marks themselves

def test_every_command_block_is_marked_and_every_mark_is_known():
    known = {"run", "refuses", "skip", "file", "protocol-says", "wrong", "right", "outside", ""}
    problems = []
    for block in BLOCKS:
        if block.action not in known:
            problems.append(f"{block.where}: unknown mark {block.mark!r}")
        if block.kind in COMMAND_BLOCKS and block.action not in {"run", "refuses", "skip", "outside"}:
            problems.append(f"{block.where}: a {block.kind} block needs <!-- guide-test: run|refuses|skip ... -->")
        if block.action == "skip" and block.mark.split()[1:2] and block.mark.split()[1] not in SKIP_REASONS:
            problems.append(f"{block.where}: {block.mark!r}: the reason is not one of {sorted(SKIP_REASONS)}")
        if block.action == "skip" and len(block.mark.split()) < 2:
            problems.append(f"{block.where}: a skip needs its reason")
        for given in block.givens:
            if given not in GIVENS and not _file_blocks(block.guide, given):
                problems.append(f"{block.where}: given {given}: neither a file block of the guide nor in GIVENS")
        if ("shows" in block.mark.split() or block.action in {"refuses", "protocol-says"}) and block.next is None \
                and block.action != "protocol-says":
            problems.append(f"{block.where}: {block.action} needs the next block to show the output")
    assert not problems, "\n".join(problems)


def test_both_guides_run_the_same_kinds_of_command():
    """The two guides are one text in two languages: the same commands, marked alike."""
    def commands(guide: str) -> list[tuple[str, str]]:
        return sorted((b.mark, _command_words(b.body)) for b in BLOCKS if b.guide == guide and b.kind in COMMAND_BLOCKS)
    assert commands("kk") == commands("ru")


def _without_comments(script: str) -> str:
    lines = [re.sub(r"(^|\s)#.*$", "", line).split() for line in script.splitlines()]
    return "\n".join(" ".join(words) for words in lines if words)


def _command_words(script: str) -> str:
    """A script without its comments, each guide's own language written LANG: `--ui-lang kk` ~ `--ui-lang ru`."""
    return re.sub(r"\b(kk|ru)\b", "LANG", _without_comments(script))


# ---------------------------------------------------------------- running the commands

@pytest.fixture(scope="session")
def pristine(tmp_path_factory) -> Path:
    """The project as a fresh clone has it, with the tests' environment as its .venv."""
    root = tmp_path_factory.mktemp("fresh") / "shtab"
    root.mkdir()
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if name.startswith("outputs/") or not source.is_file():
            continue
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, root / name)   # modification times kept: make sees what a clone's make sees
    clone_environment(root)     # a .venv the launcher finds ready, not a link it could install into
    dry = subprocess.run(["make", "-n", "check"], cwd=root, capture_output=True, text=True, env=_environment("ru"))
    assert "pip install" not in dry.stdout, f"make would install the environment again in the copy:\n{dry.stdout}"
    return root


def _environment(guide: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("SHTAB_", "LC_", "MAKE")) and name not in {"LANG", "LANGUAGE", "MFLAGS"}}
    env.update(LANG=LOCALES[guide], SHTAB_AS_OF=AS_OF, SHTAB_SEAL_PDF="0", PYTHONDONTWRITEBYTECODE="1")
    return env


def _file_blocks(guide: str, path: str) -> list[Block]:
    return [b for b in BLOCKS if b.guide == guide and b.action == "file" and b.mark.split()[1:2] == [path]]


def fresh_copy(pristine: Path, tmp_path: Path, block: Block) -> Path:
    root = tmp_path / "shtab"
    shutil.copytree(pristine, root, symlinks=True)
    for given in block.givens:
        if given in GIVENS:
            GIVENS[given](root)
        else:
            (root / given).write_text(_file_blocks(block.guide, given)[0].body, encoding="utf-8")
    return root


_RUNS: dict[tuple, subprocess.CompletedProcess] = {}


def run_block(pristine: Path, tmp_path: Path, block: Block) -> subprocess.CompletedProcess:
    """The block's lines as one bash script in a fresh copy.

    The same commands from the same state run once: for both guides when only the exit status is asked
    (the guides' comments aside), for each guide when its output is read.
    """
    reads_output = block.action == "refuses" or "shows" in block.mark.split()
    key = (_without_comments(block.body), tuple(block.givens), block.guide if reads_output else "")
    if key not in _RUNS:
        root = fresh_copy(pristine, tmp_path, block)
        _RUNS[key] = subprocess.run(["bash", "-e", "-c", block.body], cwd=root, env=_environment(block.guide),
                                    capture_output=True, text=True, timeout=600)
    return _RUNS[key]


def shown_lines(block: Block) -> list[str]:
    return [line.strip() for line in block.body.splitlines() if line.strip()]


def holds(output: str, line: str) -> bool:
    """`line` (where ... stands for any text) is in `output`, spaces aside."""
    flat = " ".join(output.split())
    pattern = ".*?".join(re.escape(" ".join(piece.split())) for piece in re.split(r"\.\.\.|…", line))
    return re.search(pattern, flat) is not None


@pytest.mark.parametrize("block", _blocks("run", kinds=COMMAND_BLOCKS))
def test_a_command_the_guide_shows_works(pristine, tmp_path, block):
    done = run_block(pristine, tmp_path, block)
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"{block.where}: exit {done.returncode}\n{block.body}\n{output}"
    if "shows" in block.mark.split():
        missing = [line for line in shown_lines(block.next) if not holds(output, line)]
        assert not missing, f"{block.where}: the output lacks {missing}\n{output}"


@pytest.mark.parametrize("block", _blocks("refuses", kinds=COMMAND_BLOCKS))
def test_a_command_the_guide_shows_refusing_refuses_with_the_message_shown(pristine, tmp_path, block):
    done = run_block(pristine, tmp_path, block)
    output = done.stdout + done.stderr
    assert done.returncode != 0, f"{block.where}: it was meant to refuse\n{block.body}\n{output}"
    missing = [line for line in shown_lines(block.next) if not holds(output, line)]
    assert not missing, f"{block.where}: the output lacks {missing}\n{output}"


# ---------------------------------------------------------------- the commands named in the text

# Commands named in the guides' text (`make ...`, `./shtab ...` in running text and tables) that are not meant
# to succeed, with why. Every other one must.
INLINE_REFUSES = {
    "make protocol ARGS=2026-01 --force": "1.2 shows it as the wrong way: two words of ARGS without quotes",
}
PLACEHOLDER = re.compile(r"\b[А-ЯЁӘҒҚҢӨҰҮҺІ]{3,}\b")     # КОМАНДА: a word she replaces, not a command


def inline_commands() -> dict[str, str]:
    """Each distinct `make ...` / `./shtab ...` code span outside the fenced blocks, with where it is first named."""
    found: dict[str, str] = {}
    for guide, path in GUIDES.items():
        fenced = False
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if FENCE.match(line) or re.match(r"^\s*```\s*$", line):
                fenced = not fenced
                continue
            if fenced:
                continue
            for span in re.findall(r"`((?:make|\./shtab) [^`]+)`", line):
                if not PLACEHOLDER.search(span):
                    found.setdefault(span, f"docs/user/guide.{guide}.md:{number}")
    return found


def _inline_skip(command: str) -> str | None:
    words = set(command.split()[1:])
    for word, reason in (("watch", "watch"), ("serve", "server"), ("pdf", "pdf"), ("region-report", "oblast")):
        if word in words:
            return SKIP_REASONS[reason]
    return None


@pytest.mark.parametrize("command", sorted(inline_commands()))
def test_a_command_the_guides_name_in_the_text_works(pristine, tmp_path, command):
    where = inline_commands()[command]
    if _inline_skip(command):
        pytest.skip(_inline_skip(command))
    done = run_block(pristine, tmp_path, Block(where.split(".")[1], 0, "sh", command + "\n"))
    output = done.stdout + done.stderr
    if command in INLINE_REFUSES:
        assert done.returncode != 0, f"{where}: {command}: meant to refuse ({INLINE_REFUSES[command]})\n{output}"
    else:
        assert done.returncode == 0, f"{where}: {command}: exit {done.returncode}\n{output}"


# ---------------------------------------------------------------- the YAML the guides show

def parse(text: str):
    from pipeline.load.yamlrt import round_trip_yaml
    return round_trip_yaml().load(text)


def _plain(value):
    """A parsed tree as plain dicts, lists and strings, to compare a mistake with its correction."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value)


@pytest.mark.parametrize("block", [pytest.param(b, id=f"{b.guide}:{b.line}") for b in BLOCKS
                                   if b.kind == "yaml" and b.action != "wrong"])
def test_a_yaml_block_parses(block):
    assert parse(block.body) is not None or not block.body.strip(), block.where


@pytest.mark.parametrize("block", _blocks("wrong"))
def test_a_wrong_yaml_block_is_wrong_and_the_right_one_after_it_is_not(block):
    right = block.next
    while right is not None and right.action != "right":
        right = right.next
    assert right is not None and right.kind == "yaml", f"{block.where}: no right block follows the wrong one"
    try:
        wrong = _plain(parse(block.body))
    except Exception:  # noqa: BLE001 - any parser error is what the guide means by wrong
        return
    assert wrong != _plain(parse(right.body)), f"{block.where}: the wrong YAML reads the same as the right one"


@pytest.mark.parametrize("block", _blocks("file"))
def test_a_whole_file_the_guide_shows_passes_check(pristine, tmp_path, block):
    path = block.mark.split()[1]
    root = fresh_copy(pristine, tmp_path, Block(block.guide, block.line, "sh", "", givens=[path]))
    done = subprocess.run([str(root / ".venv/bin/python"), "-m", "pipeline", "--ui-lang", "en", "check"], cwd=root,
                          env=_environment(block.guide), capture_output=True, text=True, timeout=600)
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"{block.where}: check refuses the file\n{output}"
    assert path not in output, f"{block.where}: check has something to say about the file\n{output}"


@pytest.mark.parametrize("block", _blocks("protocol-says"))
def test_the_protocol_of_the_worked_example_says_what_the_guide_says(pristine, tmp_path, block):
    meeting = block.mark.split()[1]
    files = [b.mark.split()[1] for b in BLOCKS if b.guide == block.guide and b.action == "file"]
    root = fresh_copy(pristine, tmp_path, Block(block.guide, block.line, "sh", "", givens=files))
    done = subprocess.run([str(root / ".venv/bin/python"), "-m", "pipeline", "--lang", block.guide, "protocol",
                           meeting], cwd=root, env=_environment(block.guide), capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    written = docx_text(root / "outputs" / "meetings" / meeting / f"protocol.{block.guide}.docx")
    missing = [line for line in shown_lines(block) if not holds(written, line)]
    assert not missing, f"{block.where}: the protocol does not say {missing}\n{written}"
# ---------------------------------------------------------------- the table of common messages

def catalogue(lang: str) -> list[str]:
    """Every translation of the catalogue, its placeholders marked by NUL (a value the program fills in)."""
    with open(ROOT / "pipeline" / "locale" / lang / "LC_MESSAGES" / "shtab.po", "rb") as po:
        entries = read_po(po)
    texts = []
    for message in entries:
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        for string in strings:
            if string:
                texts.append(re.sub(r"\{\{|\}\}|\{[^{}]*\}",
                                    lambda m: {"{{": "{", "}}": "}"}.get(m.group(0), "\0"), string))
    return texts


def message_table(guide: str) -> list[tuple[int, str]]:
    """The `code` of each row's first cell of the guide's table of common messages, with its line."""
    lines = GUIDES[guide].read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if MARK.match(line) and MARK.match(line).group(1) == "messages")
    rows = []
    for number, line in enumerate(lines[start + 1:], start=start + 2):
        if not line.startswith("|"):
            if rows:
                break
            continue
        first = line.split("|")[1]
        rows += [(number, code) for code in re.findall(r"`([^`]+)`", first)]
    return rows


@pytest.mark.parametrize("guide", sorted(GUIDES))
def test_the_messages_of_the_table_are_the_catalogues_own(guide):
    """Each message the table explains is one the program prints in that language (... is a value it fills in)."""
    texts = catalogue(guide)
    rows = message_table(guide)
    assert len(rows) >= 15, f"docs/user/guide.{guide}.md: the table of common messages has {len(rows)} messages"
    unknown = []
    for number, shown in rows:
        pieces = [re.escape(piece.strip()) for piece in re.split(r"\.\.\.|…", shown) if piece.strip()]
        pattern = ".*?".join(pieces)
        if not any(re.search(pattern, text, re.S) for text in texts):
            unknown.append(f"docs/user/guide.{guide}.md:{number}: {shown}")
    assert not unknown, "not in the catalogue:\n" + "\n".join(unknown)


# ---------------------------------------------------------------- chapter 10: a new Штаб, outside the checkout

@pytest.mark.parametrize("guide", sorted(GUIDES))
def test_the_new_shtab_chapter_runs_in_a_fresh_folder_outside_the_checkout(guide, tmp_path):
    """«Новый штаб с нуля» / «Жаңа штаб нөлден» as she would follow it: `shtab init`, her files, check, all,
    in an empty folder that is not the program's, with only the `shtab` command the install gives her."""
    steps = [b for b in BLOCKS if b.guide == guide and b.action == "outside"]
    assert [b for b in steps if b.kind in COMMAND_BLOCKS] and [b for b in steps if b.mark.split()[1:2] == ["file"]]
    folder = tmp_path / "home"
    folder.mkdir()
    assert ROOT.resolve() not in folder.resolve().parents
    env = _environment(guide)
    env.update(SHTAB_AS_OF="2026-03-20", HOME=str(folder), SHTAB_CACHE=str(tmp_path / "cache"),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}")
    for block in steps:
        words = block.mark.split()
        if words[1] == "file":
            target = folder / words[2]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.body, encoding="utf-8")
            continue
        done = subprocess.run(["bash", "-e", "-c", block.body], cwd=folder, env=env, capture_output=True, text=True,
                              timeout=600)
        output = done.stdout + done.stderr
        assert done.returncode == 0, f"{block.where}: exit {done.returncode}\n{block.body}\n{output}"
        if "shows" in words:
            missing = [line for line in shown_lines(block.next) if not holds(output, line)]
            assert not missing, f"{block.where}: the output lacks {missing}\n{output}"
    documents = {path.name for path in folder.rglob("outputs/**/*.docx")}
    assert {"protocol.kk.docx", "protocol.ru.docx", "composition.kk.docx"} <= documents, documents
