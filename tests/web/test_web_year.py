"""The year from the workspace: documents by year and meeting, one meeting's documents made on their own."""

from __future__ import annotations

from pathlib import Path

from tests.support.web import client, workspace


def test_the_documents_page_groups_by_year_and_meeting_in_words(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    page = browser.get("/documents").text
    assert "Год 2026" in page and 'id="docs-2026-05"' in page and "Документы года" in page
    group = page.split('id="docs-2026-05"')[1].split("</section>")[0]
    assert "Заседание 2026-05 — № 5, 19.11.2026" in group and "протокол" in group.lower()
    assert "meetings/2026-05/protocol.ru.docx" in group and "meetings/2026-04/" not in group
    assert ">notice<" not in page and ">extracts<" not in page                  # kinds in words


def test_one_meetings_documents_are_made_while_another_meeting_is_half_filled(tmp_path: Path):
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    browser.post("/meetings/new", data={"csrf": ws.keys.csrf, "date": "2026-12-10"})   # a scaffold full of <<...>>
    everything = browser.post("/documents/generate", data={"csrf": ws.keys.csrf})
    assert 'id="refused"' in everything.text and not (ws.outputs / "meetings" / "2026-05").exists()
    one = browser.post("/documents/generate?meeting=2026-05", data={"csrf": ws.keys.csrf})
    assert 'id="written"' in one.text
    made = sorted(p.name for p in (ws.outputs / "meetings" / "2026-05").glob("*.docx"))
    assert "protocol.ru.docx" in made and "protocol.kk.docx" in made
    assert not (ws.outputs / "meetings" / "2026-04").exists()                  # only this meeting's


def test_invited_persons_and_an_outside_speaker_are_typed_in_the_form(tmp_path: Path):
    """§21: the invited and a speaker who is no member print in the protocol; the form writes them to the file."""
    from tests.support.web import form_fields, post_form
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    path = ws.inputs / "meetings" / "2026-05.yaml"
    page = browser.get("/meetings/2026-05").text
    assert 'id="invited-0"' in page and "Н. Ахметова" in page          # the file's invited person is shown
    grown = post_form(browser, "/meetings/2026-05/form?add=items.0.outside", form_fields(page, "meeting-form"))
    grown = post_form(browser, "/meetings/2026-05/form?add=invited", form_fields(grown.text, "meeting-form"))
    fields = dict(form_fields(grown.text, "meeting-form"))
    assert "invited.1.name.kk" in fields and "items.0.outside.0.name.kk" in fields
    typed = {"invited.1.name.kk": "А. Серіков", "invited.1.name.ru": "А. Сериков",
             "invited.1.position.kk": "тұрғын", "invited.1.position.ru": "житель",
             "items.0.outside.0.name.kk": "Д. Омаров", "items.0.outside.0.name.ru": "Д. Омаров",
             "items.0.outside.0.position.kk": "психолог", "items.0.outside.0.position.ru": "психолог"}
    sent = [(k, typed.get(k, v)) for k, v in form_fields(grown.text, "meeting-form")]
    assert post_form(browser, "/meetings/2026-05/save", sent).status_code == 200
    text = path.read_text(encoding="utf-8")
    invited = text.split("invited:")[1].split("items:")[0]
    assert "Н. Ахметова" in invited and "kk: А. Серіков" in invited and "ru: житель" in invited
    speakers = text.split("items:")[1].split("materials:")[0]
    assert "- name: Д. Омаров" in speakers and "ru: психолог" in speakers
    page = browser.get("/meetings/2026-05").text
    assert 'id="outside-0-0"' in page and "Д. Омаров" in page


def test_signing_lists_what_the_gate_before_sealing_checks_and_what_it_finds_now(tmp_path: Path):
    """§23: the confirmation names the gate's four checks and what it finds in the meeting as saved."""
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    panel = browser.get("/meetings/2026-05").text.split('id="sign-confirm"')[1].split("</div>")[0]
    assert "(§20)" in panel and "(§15)" in panel and "<<...>>" not in panel and "&lt;&lt;...&gt;&gt;" in panel
    assert 'id="gate-now"' in panel and "ничего не находит" in panel
    path = ws.inputs / "meetings" / "2026-05.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - knb\n", "", 1), encoding="utf-8")
    panel = browser.get("/meetings/2026-05").text.split('id="sign-confirm"')[1].split("</div>")[0]
    assert "находит:" in panel and "«С. Ахметов» не отмечен ни присутствующим" in panel  # neither present nor absent (§20)
    assert 'id="sign-confirm"' not in browser.get("/meetings/2026-01").text  # signed: nothing to confirm


def test_a_mistaken_meeting_is_deleted_and_a_signed_one_never(tmp_path: Path):
    """§15: a signed protocol stays as signed; a meeting created by mistake leaves the year (its file kept aside)."""
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    signed = ws.inputs / "meetings" / "2026-01.yaml"
    refused = browser.post("/meetings/2026-01/delete", data={"csrf": ws.keys.csrf})
    assert refused.status_code == 409 and "подписан" in refused.text and "§15" in refused.text and signed.exists()
    assert 'id="delete"' not in browser.get("/meetings/2026-01").text
    browser.post("/meetings/new", data={"csrf": ws.keys.csrf, "date": "2026-12-10"})
    answer = browser.post("/meetings/2026-06/delete", data={"csrf": ws.keys.csrf}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/meetings?deleted=2026-06"
    assert not (ws.inputs / "meetings" / "2026-06.yaml").exists()
    assert [p.name[:7] for p in (ws.inputs / "meetings" / ".deleted").iterdir()] == ["2026-06"]
    listed = browser.get("/meetings?deleted=2026-06").text
    assert 'id="deleted"' in listed and "/meetings/2026-06" not in listed


def test_the_plans_name_members_by_their_post_and_a_change_carries_every_field_of_its_kind(tmp_path: Path):
    """§18: the plans list names who approved, proposed, based and decided by post, not by id; each change of
    the plan form holds the fields of every kind, shown by the kind chosen (CSS), with one number field each."""
    ws = workspace(tmp_path)
    browser = client(ws)
    browser.get("/lang/ru")
    listed = browser.get("/plans").text
    assert "Утвердил: akim" not in listed and "<code>akim</code>" not in listed
    assert "Утвердил: аким Костанайского района" in listed or "Утвердил: Аким Костанайского района" in listed
    form = browser.get("/plans/2026-H2").text
    for change in form.split('class="item change"')[1:]:
        assert 'class="add-only"' in change and 'class="not-add"' in change and 'class="postpone-only"' in change


def test_a_new_half_year_plan_from_the_plans_page(tmp_path: Path):
    """§16: the next half-year's plan (after 2026-H2 comes 2027-H1), as new-plan writes it; a new Штаб with no
    plan yet gets the half-year of the day chosen."""
    import shutil
    ws = workspace(tmp_path)
    browser = client(ws)
    answer = browser.post("/plans/new", data={"csrf": ws.keys.csrf, "date": "2026-12-01"}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/plans/2027-H1"
    assert (ws.inputs / "plans" / "2027-H1.yaml").exists() and browser.get("/plans/2027-H1").status_code == 200
    shutil.rmtree(ws.inputs / "plans")
    (ws.inputs / "plans").mkdir()
    first = browser.post("/plans/new", data={"csrf": ws.keys.csrf, "date": "2027-02-10"}, follow_redirects=False)
    assert first.headers["location"] == "/plans/2027-H1"


def test_in_january_the_indicators_page_reaches_the_year_just_over_without_its_file(tmp_path: Path):
    """§29: a new Штаб's first report is due in January, before any indicators file of that year exists; the
    page's years are those of the meetings too, not only of the files already written."""
    import datetime as dt
    import shutil
    ws = workspace(tmp_path)
    shutil.rmtree(ws.inputs / "indicators")
    ws.today = lambda: dt.date(2027, 1, 15)
    browser = client(ws)
    browser.get("/lang/ru")
    years = browser.get("/indicators/2027").text.split('class="years"')[1].split("</nav>")[0]
    assert 'href="/indicators/2026"' in years and 'aria-current="page">2027' in years
