"""Signed protocols become sealed records that nothing can silently change or lose (§15, §24).

The records/ folder beside inputs/: sealing on the first write of a signed
protocol, copies of the sealed bytes in every later run whatever the templates
say, refusal (naming the key and line) when a sealed meeting's inputs change,
--force keeping every version, `verify`, and the recovery of an interrupted
sealing.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import pipeline.stages as stages
from pipeline.cli.main import cli
from pipeline.records import fingerprint
from pipeline.records import store as records
from tests.support.docx_reading import paragraphs, snapshot, stderr_is_findings_only
from tests.support.inputs import ROOT

SIGNED = {"drawn_up": "2026-03-13", "signed_by": "akim", "signed": True}


def run(project, *args: str):
    return CliRunner().invoke(cli, ["--inputs", str(project.inputs), "--outputs", str(project.outputs), *args])


def sealed_meeting(project, meeting_id: str = "2026-01", **changes) -> Path:
    return project.meeting(meeting_id, protocol=SIGNED, **changes)


def record(project, name: str, meeting_id: str = "2026-01") -> Path:
    return project.root / "records" / "meetings" / meeting_id / name


def output(project, lang: str = "ru", meeting_id: str = "2026-01") -> Path:
    return project.outputs / "meetings" / meeting_id / f"protocol.{lang}.docx"


def edit_meeting(project, change, meeting_id: str = "2026-01") -> None:
    path = project.inputs / "meetings" / f"{meeting_id}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    project.write(f"meetings/{meeting_id}.yaml", data)


def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text in line)


# ---------------------------------------------------------------- sealing


def test_the_first_write_of_a_signed_protocol_seals_it_in_every_language_s15(project):
    sealed_meeting(project)
    result = run(project, "--lang", "ru", "protocol")
    assert result.exit_code == 0, result.output
    for name in ("protocol.kk.docx", "protocol.ru.docx", "fingerprint.json"):
        assert record(project, name).is_file(), name
    assert not output(project, "kk").exists()            # --lang ru: only ru in outputs, both in the record
    assert output(project, "ru").read_bytes() == record(project, "protocol.ru.docx").read_bytes()
    assert "sealed records/meetings/2026-01/ (version 1)" in result.output
    assert "sealed " + str(output(project, "ru")) in result.output and "1 of them signed and sealed" in result.output


def test_sha256sums_is_read_by_sha256sum_from_the_project_folder_s24(project):
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    sums = (project.root / "records" / "SHA256SUMS").read_text(encoding="utf-8")
    lines = sums.splitlines()
    assert [line.split("  ")[1] for line in lines] == sorted(line.split("  ")[1] for line in lines)
    assert len(lines) == 3
    for line in lines:
        digest, listed = line.split("  ")
        assert hashlib.sha256((project.root / listed).read_bytes()).hexdigest() == digest
    if shutil.which("sha256sum"):
        checked = subprocess.run(["sha256sum", "-c", "records/SHA256SUMS"], cwd=project.root,
                                 capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr


def test_an_unsigned_protocol_is_not_sealed(project):
    project.meeting()
    assert run(project, "protocol").exit_code == 0
    assert not (project.root / "records").exists()


def test_the_sealed_docx_is_what_the_inputs_render(project):
    """Reproducible when first sealed: sealing twice from the same inputs gives the same bytes."""
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    first = record(project, "protocol.kk.docx").read_bytes()
    shutil.rmtree(project.root / "records")
    shutil.rmtree(project.outputs)
    assert run(project, "protocol").exit_code == 0
    assert record(project, "protocol.kk.docx").read_bytes() == first


# ---------------------------------------------------------------- after sealing


def test_a_template_edit_leaves_the_sealed_records_and_the_run_succeeds_s15(project, monkeypatch):
    sealed_meeting(project)
    project.meeting("2026-02", number=2, date="2026-03-19", documents_sent="2026-03-15",
                    protocol={"drawn_up": "2026-03-19", "signed_by": "akim"})
    assert run(project, "all").exit_code == 0
    records_before = snapshot(project.root / "records")
    sealed = output(project).read_bytes()
    real = stages.render_docx
    monkeypatch.setattr(stages, "render_docx", lambda template, context: real(template, context) + b"\0")
    result = run(project, "all")
    assert result.exit_code == 0, result.output
    assert snapshot(project.root / "records") == records_before
    assert output(project).read_bytes() == sealed                              # the signed one as sealed
    assert output(project, "ru", "2026-02").read_bytes().endswith(b"\0")       # the unsigned one re-rendered
    assert "sealed " + str(output(project)) in result.output


def test_an_input_edit_of_a_sealed_meeting_is_refused_naming_the_key_and_line_s15(project):
    path = sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    outputs_before, records_before = snapshot(project.outputs), snapshot(project.root / "records")
    edit_meeting(project, lambda data: data["items"][0]["heard"].update(ru="Исправлено задним числом."))
    result = run(project, "all")
    assert result.exit_code == 1
    line = line_of(path, "Исправлено задним числом.")
    assert f"{path}:{line}: meeting 2026-01:" in result.stderr.replace(str(project.root) + "/", str(project.root) + "/")
    assert "'question 1, heard.ru' was changed" in result.stderr and "--force" in result.stderr
    assert "(§15)" in result.stderr and stderr_is_findings_only(result.stderr)
    assert snapshot(project.outputs) == outputs_before                      # nothing written, agendas neither
    assert snapshot(project.root / "records") == records_before


@pytest.mark.parametrize("change, named", [
    (lambda d: d.update(time="11:00"), "'time' was changed"),
    (lambda d: d["present"].remove("youth"), "'present, №13' was removed"),
    (lambda d: d.update(urgent=True), "'urgent' was added"),
    (lambda d: d["items"][0]["decisions"].append({"text": "Новое."}), "'question 1, decision 2, text' was added"),
    (lambda d: d["protocol"].update(signed=False), "'protocol.signed' was changed"),
])
def test_each_kind_of_input_change_is_named_s15(project, change, named):
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    edit_meeting(project, change)
    result = run(project, "protocol")
    assert result.exit_code == 1 and named in result.stderr, result.stderr


def test_a_comment_or_reformatting_is_no_change(project):
    path = sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    text = path.read_text(encoding="utf-8")
    path.write_text("# signed by the head on 13 March\n" + text.replace("time: '10:00'", "time: \"10:00\"  # local"),
                    encoding="utf-8")
    assert run(project, "protocol").exit_code == 0


def test_body_parts_the_protocol_used_are_sealed_others_are_free_s15(project):
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    body_path = project.inputs / "body.yaml"
    body = yaml.safe_load(body_path.read_text(encoding="utf-8"))
    later = {"id": "newcomer", "position": {"kk": "Жаңа мүше", "ru": "новый член"}, "role": "member",
             "from": "2026-09-01"}
    body["members"].append(later)                                   # joins after the meeting: not in its N
    body["authorized_body"] = {"kk": "Басқа орган", "ru": "другой орган"}   # not printed in a protocol
    project.write("body.yaml", body)
    assert run(project, "protocol").exit_code == 0
    later.pop("from")                                                # now a member on the meeting day too
    project.write("body.yaml", body)
    result = run(project, "protocol")
    assert result.exit_code == 1 and "'members.newcomer" in result.stderr and "body.yaml:" in result.stderr


def test_the_plan_question_heard_is_sealed_s15(project):
    sealed_meeting(project, items=[dict(yaml.safe_load(yaml.safe_dump(_base_item())), title=None)])
    edit_meeting(project, lambda data: data["items"][0].pop("title"))
    assert run(project, "protocol").exit_code == 0
    plan_path = project.plan(items=[dict(_plan_item(), title={"kk": "Жаңа атауы", "ru": "Новое название"})])
    result = run(project, "protocol")
    assert result.exit_code == 1
    assert f"{plan_path}:" in result.stderr and "'question 1, title.ru' was changed" in result.stderr


def _base_item():
    from tests.support.inputs import BASE_MEETING
    return BASE_MEETING["items"][0]


def _plan_item():
    from tests.support.inputs import BASE_PLAN
    return BASE_PLAN["items"][0]


def test_make_clean_then_protocol_restores_the_sealed_copies_s15(project, monkeypatch):
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    shutil.rmtree(project.outputs)                                  # make clean
    monkeypatch.setattr(stages, "render_docx", lambda template, context: b"a template changed since")
    assert run(project, "protocol").exit_code == 0
    for lang in ("kk", "ru"):
        assert output(project, lang).read_bytes() == record(project, f"protocol.{lang}.docx").read_bytes()


def test_a_fresh_clone_without_outputs_still_refuses_an_edited_sealed_meeting_s15(project):
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    shutil.rmtree(project.outputs)
    edit_meeting(project, lambda data: data.update(time="12:00"))
    result = run(project, "protocol")
    assert result.exit_code == 1 and "'time' was changed" in result.stderr
    assert not project.outputs.exists()


# ---------------------------------------------------------------- --force


def test_force_seals_a_new_version_and_keeps_the_old_one_s15(project):
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    first = {lang: record(project, f"protocol.{lang}.docx").read_bytes() for lang in ("kk", "ru")}
    edit_meeting(project, lambda data: data["items"][0]["heard"].update(ru="Исправленный отчет."))
    result = run(project, "--force", "protocol")
    assert result.exit_code == 0, result.output
    for lang in ("kk", "ru"):
        assert record(project, f"protocol.{lang}.docx").read_bytes() == first[lang]      # never changes
        assert record(project, f"protocol.{lang}.2.docx").read_bytes() == output(project, lang).read_bytes()
    assert "Исправленный отчет." in paragraphs(record(project, "protocol.ru.2.docx"))
    assert "Исправленный отчет." not in paragraphs(record(project, "protocol.ru.docx"))
    log = json.loads(record(project, "fingerprint.2.json").read_text(encoding="utf-8"))
    assert log["version"] == 2 and log["sealed"]["with"] == "--force" and log["sealed"]["by"]
    assert log["sealed"]["at"].endswith("Z") and "meetings/2026-01.yaml: items[1].heard.ru changed" in \
        log["sealed"]["changed"]
    assert "version 2 is sealed because of --force by" in result.stderr and "version 1 stays" in result.stderr
    assert run(project, "protocol").exit_code == 0                   # the new version is now the record
    assert run(project, "verify").exit_code == 0


def test_force_names_who_from_git_config_or_the_login_name(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "none"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("USER", "secretary-login")
    assert records.who_seals(tmp_path) == "secretary-login"
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
        subprocess.run(["git", "-C", str(tmp_path), "config", "user.name", "А. Секретарь"], check=True)
        subprocess.run(["git", "-C", str(tmp_path), "config", "user.email", "sec@akimat.kz"], check=True)
        assert records.who_seals(tmp_path) == "А. Секретарь <sec@akimat.kz>"


def test_force_without_a_change_seals_nothing_new(project):
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    before = snapshot(project.root / "records")
    assert run(project, "--force", "protocol").exit_code == 0
    assert snapshot(project.root / "records") == before


def test_force_with_a_reason_renews_a_named_unchanged_protocol_and_records_why_s15(project):
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    first = record(project, "protocol.kk.docx").read_bytes()
    why = "бос бет алынды / пустая страница убрана"
    result = run(project, "--force", "--reason", why, "protocol", "2026-01")
    assert result.exit_code == 0, result.output
    assert record(project, "protocol.kk.docx").read_bytes() == first                  # version 1 stays
    assert record(project, "protocol.kk.2.docx").is_file() and record(project, "protocol.ru.2.docx").is_file()
    log = json.loads(record(project, "fingerprint.2.json").read_text(encoding="utf-8"))
    assert log["sealed"]["reason"] == why and log["sealed"]["changed"] == []
    assert f"for the reason: {why}" in result.stderr
    assert run(project, "verify").exit_code == 0
    assert run(project, "protocol").exit_code == 0 and not record(project, "protocol.kk.3.docx").exists()


@pytest.mark.parametrize("args", [["--reason", "x", "protocol", "2026-01"],            # no --force
                                  ["--force", "--reason", "x", "protocol"],             # no meeting named
                                  ["--force", "--reason", "x", "all"]])
def test_a_reason_needs_force_and_named_protocols_s15(project, args):
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    before = snapshot(project.root / "records")
    result = run(project, *args)
    assert result.exit_code == 1 and "--reason goes with --force" in result.output
    assert snapshot(project.root / "records") == before


def test_force_cannot_unsign_a_sealed_protocol_s15(project):
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    edit_meeting(project, lambda data: data["protocol"].update(signed=False))
    result = run(project, "--force", "protocol")
    assert result.exit_code == 1 and "cannot undo that" in result.stderr


# ---------------------------------------------------------------- verify


def test_verify_passes_on_intact_records(project):
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    result = run(project, "verify")
    assert result.exit_code == 0 and "3 file(s) of 1 sealed meeting(s) are as sealed" in result.output


def test_one_flipped_byte_makes_verify_fail_naming_the_file_s15(project):
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    path = record(project, "protocol.kk.docx")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.chmod(0o644)                                      # sealed read-only: as an editor would, she made it writable
    path.write_bytes(bytes(data))
    result = run(project, "verify")
    assert result.exit_code == 1
    assert f"{path}: this sealed file was changed after sealing" in result.stderr
    assert "protocol.ru.docx" not in result.stderr
    refused = run(project, "protocol")                    # nor is the altered copy put in outputs
    assert refused.exit_code == 1 and str(path) in refused.stderr


def test_verify_names_missing_and_unlisted_files_and_changed_inputs(project):
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    record(project, "protocol.ru.docx").unlink()
    stray = record(project, "notes.txt")
    stray.write_text("not sealed", encoding="utf-8")
    edit_meeting(project, lambda data: data.update(time="09:00"))
    result = run(project, "verify")
    assert result.exit_code == 1
    assert f"{record(project, 'protocol.ru.docx')}: this sealed file is missing" in result.stderr
    assert f"{stray}: this file is in records/ but records/SHA256SUMS does not list it" in result.stderr
    assert "'time' was changed" in result.stderr


def test_verify_warns_of_a_signed_protocol_not_yet_sealed(project):
    sealed_meeting(project)
    result = run(project, "verify")
    assert result.exit_code == 0 and "signed but not sealed yet" in result.stderr


def test_the_committed_sample_records_verify():
    """CI: the sample meetings' sealed records match SHA256SUMS and the sample inputs."""
    result = subprocess.run([sys.executable, "-m", "pipeline", "verify"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "of 4 sealed meeting(s) are as sealed" in result.stdout


# ---------------------------------------------------------------- an interrupted sealing


def test_an_interrupted_sealing_is_undone_by_the_next_run(project):
    sealed_meeting(project)
    store = records.Store.open(project.root)
    folder = project.root / "records"
    folder.mkdir()
    half = "records/meetings/2026-01/protocol.kk.docx"
    (folder / records.JOURNAL).write_text(json.dumps([half, "records/meetings/2026-01/protocol.ru.docx"]))
    (project.root / half).parent.mkdir(parents=True)
    (project.root / half).write_bytes(b"half of a sealing killed before SHA256SUMS")
    (project.root / half).with_name(".protocol.ru.docx.x1.tmp").write_bytes(b"torn")
    assert store.recover() == [half, "records/meetings/2026-01/.protocol.ru.docx.x1.tmp"]
    assert run(project, "protocol").exit_code == 0
    assert run(project, "verify").exit_code == 0


def test_recovery_never_removes_a_listed_file(project):
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    folder = project.root / "records"
    (folder / records.JOURNAL).write_text(json.dumps(["records/meetings/2026-01/protocol.kk.docx"]))
    assert records.Store.open(project.root).recover() == []
    assert run(project, "verify").exit_code == 0


# ---------------------------------------------------------------- fingerprints (a table of cases)


@pytest.mark.parametrize("before, after, expected", [
    ("a: 1\n", "a: 1\n", []),
    ("a: 1\n", "# note\na: 1  # same\n", []),
    ("a: 1\n", "a: '1'\n", [("a", "changed", 1)]),
    ("a: 1\nb: x\n", "a: 1\n", [("b", "removed", 1)]),
    ("a: 1\n", "a: 1\nb: x\n", [("b", "added", 2)]),
    ("l: [x, y]\n", "l: [y, x]\n", [("l[1]", "changed", 1), ("l[2]", "changed", 1)]),
    ("m:\n  k: {ru: a, kk: b}\n", "m:\n  k:\n    ru: a\n    kk: c\n", [("m.k.kk", "changed", 4)]),
    ("m:\n  k: {ru: a}\n", "m: {}\n", [("m", "added", 1), ("m.k.ru", "removed", 1)]),
    ("d: 2026-03-12\n", "d: 2026-03-13\n", [("d", "changed", 1)]),
])
def test_fingerprint_changes_name_the_key_and_line(tmp_path, before, after, expected):
    from pipeline.load.source import read_yaml

    def current(text):
        path = tmp_path / "f.yaml"
        path.write_text(text, encoding="utf-8")
        result = fingerprint.Current()
        result.add("f.yaml", "", read_yaml(path)[0], 1)
        return result
    found = fingerprint.changes(current(before).digests, current(after))
    assert [(c.key, c.kind, c.line) for c in found] == expected


def test_agendas_of_a_sealed_meeting_may_change(project):
    """§15 freezes the protocol only."""
    sealed_meeting(project)
    assert run(project, "all").exit_code == 0
    edit_meeting(project, lambda data: data.update(agenda_approved={"by": "akim", "date": "2026-03-04"}))
    result = run(project, "agenda")
    assert result.exit_code == 0, result.output


def test_extracts_come_from_inputs_as_sealed_s15_s23(project):
    """Extracts are made from the sealed protocol's data: without the protocol in the run, an edited sealed
    meeting refuses them too; with --force its new version is sealed first, in every language."""
    from pipeline.documents.kind import Job, Subject
    from pipeline.records import sealing
    from tests.support.inputs import RUN_DATE
    sealed_meeting(project)
    assert run(project, "protocol").exit_code == 0
    extract = Job(stages.KINDS["extracts"], "ru", Subject(meeting="2026-01", addressee="01-police"), frozenset(),
                  lambda: ({}, None))
    assert extract.output == Path("meetings", "2026-01", "extracts", "01-police.ru.docx")

    def planned(force):
        assessment = stages.prepare(project.inputs, RUN_DATE)
        return sealing.plan(assessment, [extract], records.Store.open(project.root), force,
                            lambda: records.Sealer("tester", __import__("datetime").datetime(2026, 3, 20)),
                            stages.jobs_for(assessment, ["protocol"], ["2026-01"]))
    assert planned(False).findings == [] and planned(False).tasks == {}
    edit_meeting(project, lambda data: data.update(time="12:00"))
    refused = planned(False)
    assert [f.rule for f in refused.findings] == ["§15"] and "'time'" in str(refused.findings[0])
    forced = planned(True)
    assert list(forced.tasks) == ["2026-01"] and forced.tasks["2026-01"].version == 2
    assert sorted(job.lang for job in forced.extra) == ["kk", "ru"]
