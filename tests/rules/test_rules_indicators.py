"""§29: the twelve indicators, their arithmetic, directions and the forms they print in."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.context import phrases as i18n
from pipeline.context.common import Localizer
from pipeline.context.reports import change_text, value_text
from pipeline.grammar import kk
from pipeline.load.models import Indicators
from pipeline.rules.indicators import (
    BETTER,
    DOWN,
    SAME,
    WORSE,
    Measure,
    counted_actions,
    indicators_of,
    previous_values,
    share,
)


def values(**data) -> Indicators:
    return Indicators.model_validate(data)


def action(participants):
    return {"title": "Акция", "participants": participants}


# ---------------------------------------------------------------- §29.3: 250 participants


@pytest.mark.parametrize("participants,counted,short", [
    ([250], 1, 0), ([249], 0, 1), ([251, 249, 250, 0], 2, 2), ([], 0, 0),
])
def test_an_action_counts_with_at_least_250_participants_s29(participants, counted, short):
    held, count, fell_short = counted_actions(values(actions=[action(p) for p in participants]).actions)
    assert (held, count, fell_short) == (len(participants), counted, short)


def test_a_plain_number_in_previous_is_the_count_that_counted_s29():
    assert counted_actions(5) == (None, 5, None)


# ---------------------------------------------------------------- shares, changes, verdicts


@pytest.mark.parametrize("part,whole,expected", [
    (15, 104, Decimal("14.4")), (29, 31, Decimal("93.5")), (1, 8, Decimal("12.5")), (1, 16, Decimal("6.3")),
    (0, 5, Decimal("0.0")), (3, 0, None), (None, 5, None),
])
def test_share_in_percent_one_decimal_half_up_s29(part, whole, expected):
    assert share(part, whole) == expected


@pytest.mark.parametrize("measure,change,relative,verdict", [
    (Measure("", 48, 44), 4, Decimal("9.1"), BETTER),
    (Measure("", 40, 44), -4, Decimal("-9.1"), WORSE),
    (Measure("", 44, 44), 0, Decimal("0.0"), SAME),
    (Measure("", 104, 112, better=DOWN), -8, Decimal("-7.1"), BETTER),     # §29.5: a fall is better
    (Measure("", 120, 112, better=DOWN), 8, Decimal("7.1"), WORSE),
    (Measure("", 1, 0), 1, None, BETTER),                                   # no relative change from zero
    (Measure("", 48, None), None, None, None),                              # previous unknown
    (Measure("", None, 44), None, None, None),
    (Measure("", 7, 6, better=None), 1, Decimal("16.7"), None),             # shown, not judged
    (Measure("", Decimal("73.4"), Decimal("68.9"), form="percent"), Decimal("4.5"), None, BETTER),
])
def test_change_relative_change_and_verdict_s29(measure, change, relative, verdict):
    assert (measure.change, measure.relative, measure.verdict) == (change, relative, verdict)


def test_first_identified_rise_is_better_detection_s29():
    indicator = indicators_of({2026: values(first_identified=16), 2025: values(first_identified=11)}, 2026)[3]
    assert indicator.number == 4 and indicator.main.verdict == BETTER


def test_dispensary_fall_is_better_with_women_and_minors_shares_s29():
    data = {2026: values(dispensary={"total": 104, "women": 15, "minors": 1}),
            2025: values(dispensary={"total": 112, "women": 17, "minors": 2})}
    total, women, minors = indicators_of(data, 2026)[4].measures
    assert (total.value, total.previous, total.verdict) == (104, 112, BETTER)
    assert (women.value, women.previous, women.verdict) == (Decimal("14.4"), Decimal("15.2"), BETTER)
    assert (minors.value, minors.previous, minors.change) == (Decimal("1.0"), Decimal("1.8"), Decimal("-0.8"))


def test_schools_share_s29():
    data = {2026: values(schools={"with_programmes": 29, "total": 31})}
    main = indicators_of(data, 2026)[10].main
    assert (main.value, main.of, main.previous) == (Decimal("93.5"), (29, 31), None)


# ---------------------------------------------------------------- the previous year


def test_previous_year_file_wins_over_previous_key_s29():
    data = {2026: values(ngos=7, previous={"ngos": 4}), 2025: values(ngos=5)}
    assert previous_values(data, 2026).ngos == 5
    assert indicators_of(data, 2026)[5].main.previous == 5


def test_previous_key_when_there_is_no_previous_file_s29():
    data = {2026: values(ngos=7, campaigns=[{"title": "A"}], previous={"ngos": 4, "campaigns": 6})}
    found = indicators_of(data, 2026)
    assert found[5].main.previous == 4 and found[1].main.value == 1 and found[1].main.previous == 6


def test_twelve_indicators_even_with_nothing_known_s29():
    found = indicators_of({}, 2026)
    assert [i.number for i in found] == list(range(1, 13))
    assert all(m.value is None and m.verdict is None for i in found for m in i.measures)


# ---------------------------------------------------------------- printed forms (kk, ru)


@pytest.mark.parametrize("lang,measure,value,previous,change", [
    ("ru", Measure("", 48, 44), "48", "44", "+4 (+9,1\u00a0%)"),
    ("kk", Measure("", 48, 44), "48", "44", "+4 (+9,1\u00a0%)"),      # the same spacing as in Russian
    ("ru", Measure("", 1250, None), "1\u00a0250", "—", "—"),                # missing previous: a dash
    ("ru", Measure("", 104, 112, better=DOWN), "104", "112", "\u22128 (\u22127,1\u00a0%)"),
    ("ru", Measure("", 1, 0), "1", "0", "+1"),
    ("ru", Measure("", 5, 5), "5", "5", "0"),
    ("ru", Measure("", Decimal("73.4"), Decimal("68.9"), form="percent"), "73,4\u00a0%", "68,9\u00a0%",
     "+4,5\u00a0п.\u00a0п."),
    ("kk", Measure("", Decimal("93.5"), None, form="schools", of=(29, 31)), "31 мектептің 29-ы (93,5\u00a0%)", "—", "—"),
    ("ru", Measure("", Decimal("93.5"), Decimal("89.5"), form="schools", of=(29, 31), previous_of=(34, 38)),
     "29 из 31 школы (93,5\u00a0%)", "34 из 38 школ (89,5\u00a0%)", "+4,0\u00a0п.\u00a0п."),
    ("ru", Measure("women", Decimal("14.4"), None, form="share", of=(15, 104)), "15 (14,4\u00a0%)", "—", "—"),
])
def test_figures_print_in_the_locale_forms_s29(lang, measure, value, previous, change):
    loc = Localizer(lang, "annual-report")
    assert (value_text(loc, measure), value_text(loc, measure, previous=True), change_text(loc, measure)) == \
        (value, previous, change)


@pytest.mark.parametrize("n,text", [
    (29, "29-ы"), (37, "37-сі"), (31, "31-і"), (2, "2-сі"), (6, "6-сы"), (10, "10-ы"), (20, "20-сы"),
    (40, "40-ы"), (50, "50-і"), (100, "100-і"), (1000, "1000-ы"), (3, "3-і"), (9, "9-ы"),
])
def test_kazakh_possessive_of_a_numeral(n, text):
    assert kk.kk_possessive_number(n) == text


@pytest.mark.parametrize("whole,text", [(31, "из 31 школы"), (38, "из 38 школ"), (11, "из 11 школ"),
                                        (21, "из 21 школы"), (111, "из 111 школ")])
def test_russian_of_schools(whole, text):
    assert i18n.ru_of_schools(whole) == text


@pytest.mark.parametrize("phrase,dative", [
    ("Қазақстан Республикасы Ішкі істер министрлігі", "Қазақстан Республикасы Ішкі істер министрлігіне"),
    ("Денсаулық сақтау министрлігі", "Денсаулық сақтау министрлігіне"),
    ("Бас прокуратура", "Бас прокуратураға"), ("штаб", "штабқа"), ("комитет", "комитетке"),
    ("басқармасы", "басқармасына"),
])
def test_kazakh_dative_of_the_addressee(phrase, dative):
    assert kk.dative_kk(phrase) == dative


# ---------------------------------------------------------------- §29.7: laboratories and organised criminal groups


@pytest.mark.parametrize("now,before,main,groups", [
    ({"labs": 1, "criminal_groups": 2}, {"labs": 0, "criminal_groups": 1}, (3, 1), (2, 1)),
    ({"labs": 1, "plant_hotbeds": 2}, {"labs": 0, "criminal_groups": 1}, (1, 1), (None, 1)),  # never mapped
    ({"labs": 1, "criminal_groups": 2, "plant_hotbeds": 9}, {}, (3, None), (2, None)),     # never added
    ({"criminal_groups": 0}, {"labs": None}, (0, None), (0, None)),
])
def test_labs_and_criminal_groups_s29_7(now, before, main, groups):
    indicator = indicators_of({2026: values(destroyed=now), 2025: values(destroyed=before)}, 2026)[6]
    total, _, criminal_groups = indicator.measures
    assert indicator.number == 7 and criminal_groups.label == "criminal_groups"
    assert (total.value, total.previous) == main and (criminal_groups.value, criminal_groups.previous) == groups


def test_the_old_key_plant_hotbeds_is_an_error_naming_criminal_groups_at_its_line_s29_7(project):
    """A figure typed under `plant_hotbeds` counted hotbeds of plants: refused, never printed as criminal groups."""
    from pipeline.core.errors import InputRefused
    from pipeline.stages import check_project, jobs_for, prepare, run_documents
    from tests.support.inputs import RUN_DATE
    project.meeting()
    project.write("indicators/2026.yaml", "ngos: 7\ndestroyed:\n  labs: 1\n  plant_hotbeds: 2\n"
                                           "previous:\n  destroyed: {labs: 0, criminal_groups: 1, plant_hotbeds: 4}\n")
    assessment = prepare(project.inputs, RUN_DATE)
    findings = [f for f in check_project(assessment) if f.rule == "§29.7"]
    assert [(f.loc.line, f.is_error) for f in findings] == [(4, True), (6, True)]
    for lang in ("en", "kk", "ru"):
        assert all("criminal_groups" in f.render(lang) and "plant_hotbeds" in f.render(lang) for f in findings)
    with pytest.raises(InputRefused):
        run_documents(assessment, jobs_for(assessment, ["annual-report"]), project.root / "outputs")


def test_indicator_7_is_worded_as_organised_criminal_groups_s29_7():
    assert "ОПГ" in i18n.PHRASES["ru"]["indicator.7"] and "ҰҚТ" in i18n.PHRASES["kk"]["indicator.7"]
    assert not any("очаг" in text or "ошақ" in text for lang in ("kk", "ru") for text in i18n.PHRASES[lang].values())


# ---------------------------------------------------------------- §29: the chart and the table, one measure


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("measure,shown", [
    (Measure("", 48, 44), "+9,1\u00a0%"),                                                      # a count: percent
    (Measure("", Decimal("71.5"), Decimal("65.3"), form="percent"), "+6,2\u00a0{points}"),    # a percentage: points
    (Measure("", Decimal("93.5"), Decimal("89.5"), form="schools", of=(29, 31), previous_of=(34, 38)),
     "+4,0\u00a0{points}"),
    (Measure("", 5, 5), "0"),
    (Measure("", 3, None), "—"),
])
def test_the_chart_shows_the_change_the_table_prints_in_the_same_unit_s29(lang, measure, shown):
    from pipeline.context.reports import chart_of
    from pipeline.rules.indicators import Indicator
    loc = Localizer(lang, "annual-report")
    shown = shown.format(points=i18n.phrase(lang, "points"))
    bar = chart_of(loc, [Indicator(10, (measure,))], 2025).bars[0]
    assert bar.text == shown and shown in change_text(loc, measure)
    assert bar.change == measure.compared
