"""§29 for an oblast: how the districts' figures add up, and how the districts are ranked (pipeline/region/summary.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.load.models.package import PackageIndicator, PackageMeasure
from pipeline.region.summary import GROUPS, ranking, regional_measure


class Package:
    """The least of a package the summary reads: its district's name and its indicators."""

    def __init__(self, name: str, indicators: dict[int, list[PackageMeasure]]) -> None:
        self.district = type("District", (), {"ru": name, "id": name})()
        self._indicators = {n: PackageIndicator(number=n, measures=m) for n, m in indicators.items()}

    def indicator(self, number: int):
        return self._indicators.get(number)


def count(value, previous, better="up"):
    return PackageMeasure(label="", value=value, previous=previous, better=better, form="count")


def shared(part, whole, previous_part, previous_whole):
    value = round(part * 100 / whole, 1) if whole else None
    previous = round(previous_part * 100 / previous_whole, 1) if previous_whole else None
    return PackageMeasure(label="women", value=value, previous=previous, better="down", form="share",
                          of=[part, whole], previous_of=[previous_part, previous_whole])


@pytest.mark.parametrize("figures, total, previous", [
    ([(3, 2), (4, 4)], 7, 6),                 # counts add up
    ([(0, 0), (0, 0)], 0, 0),                 # zero is a figure
    ([(3, None), (4, 4)], 7, None),           # one district's previous year unknown: the total's too
    ([(None, 2), (4, 4)], None, 6),
])
def test_s29_counts_of_the_districts_add_up(figures, total, previous):
    packages = [Package(f"d{i}", {1: [count(v, p)]}) for i, (v, p) in enumerate(figures)]
    measure = regional_measure(1, packages)
    assert (measure.value, measure.previous) == (total, previous)


def test_s29_a_share_is_recomputed_from_the_summed_parts_not_averaged():
    # 1 of 10 and 9 of 90: each district 10 %, the oblast 10 of 100 = 10 %; 1 of 2 and 1 of 98: 50 % and 1 %
    packages = [Package("a", {5: [shared(1, 2, 1, 10)]}), Package("b", {5: [shared(1, 98, 9, 90)]})]
    measure = regional_measure(5, packages)
    assert measure.of == (2, 100) and measure.value == Decimal("2.0")
    assert measure.previous_of == (10, 100) and measure.previous == Decimal("10.0")
    assert measure.verdict == "better"       # §29.5: a fall is better


def test_s29_the_survey_percentage_is_weighted_by_respondents():
    def survey(percent, respondents):
        return {10: [PackageMeasure(label="", value=percent, previous=None, better="up", form="percent"),
                     PackageMeasure(label="respondents", value=respondents, previous=None, better=None,
                                    form="count")]}
    measure = regional_measure(10, [Package("a", survey(80.0, 300)), Package("b", survey(40.0, 100))])
    assert measure.value == Decimal("70.0") and measure.previous is None


@pytest.mark.parametrize("scores, places", [
    ([2, 1, 0], [1, 2, 3]),
    ([1, 1, 0], [1, 1, 3]),      # equal counts share a place; the next place counts them both
    ([0, 0, 0], [1, 1, 1]),
])
def test_s29_districts_are_ranked_by_indicators_that_changed_the_better_way(scores, places):
    group = (1, 2)
    packages = [Package(f"district {i}", {1: [count(1 if s >= 1 else 0, 0)], 2: [count(1 if s >= 2 else 0, 0)]})
                for i, s in enumerate(scores)]
    ranked = ranking(group, packages)
    assert [r.place for r in ranked] == places
    assert [r.improved for r in ranked] == sorted(scores, reverse=True)


def test_the_groups_cover_each_of_the_twelve_indicators_once():
    numbers = [n for _group, members in GROUPS for n in members]
    assert sorted(numbers) == list(range(1, 13))
