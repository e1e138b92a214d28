"""What the oblast's secretary gets wrong with the districts' packages (§26.7), one rule per function.

Each rule reads the received packages (pipeline/region/received.py) and the oblast's body.yaml and returns
findings at the package's file, naming the district. Errors make the regional report of that year impossible;
a district missing is an error too: a regional total without it would be read as the oblast's.
"""

from __future__ import annotations

from collections import defaultdict

from ..core.errors import Finding, Loc, error
from ..core.kinds import REGION_REPORT
from ..load.models.package import SCHEMA_VERSION
from ..load.source import display_path
from ..locale.messages import InLangs, _
from ..rules.assessment import Assessment
from .received import FOLDER, ReceivedPackage

RULE = "§26.7"


def _name(received: ReceivedPackage) -> InLangs:
    """The district as the package names it, in the language of the message, with its id."""
    district = received.package.district
    suffix = f" ({district.id})" if district.id else ""
    return InLangs(district.kk + suffix, district.ru + suffix)


def _listed_name(district) -> InLangs:
    """A district of body.yaml's `districts:`, whose name may be typed in one language only."""
    kk, ru = district.name.get("kk"), district.name.get("ru")
    return InLangs(kk or ru, ru or kk)


def packages_of_another_year(received: list[ReceivedPackage]) -> list[Finding]:
    """A package lies in the folder of the year it reports on: districts/2026/ holds the 2026 packages."""
    return [error(r.loc, _("the package of {district} reports on {year}, but lies in the folder {folder}: move it "
                           "to {right}", district=_name(r), year=r.package.year, folder=f"{FOLDER}/{r.folder_year}/",
                           right=f"{FOLDER}/{r.package.year}/"), RULE, REGION_REPORT)
            for r in received if r.folder_year != r.package.year]


def packages_of_unknown_version(received: list[ReceivedPackage]) -> list[Finding]:
    """A package of another schema version cannot be read by this program's rules: ask for it again."""
    return [error(r.loc_of("schema_version"), _(
        "the package of {district} has schema version {version}, this program reads version {known}: ask the "
        "district to write it again with the same version of the program, or update the program",
        district=_name(r), version=r.package.schema_version, known=SCHEMA_VERSION), RULE, REGION_REPORT)
        for r in received if r.package.schema_version != SCHEMA_VERSION]


def packages_changed_after_writing(received: list[ReceivedPackage]) -> list[Finding]:
    """The checksum of the content must match: a figure changed by hand is not the district's report."""
    return [error(r.loc_of("content_sha256"), _(
        "the package of {district} was changed after the district wrote it (its checksum does not match its "
        "content): ask the district for the package again, do not correct figures in it", district=_name(r)),
        RULE, REGION_REPORT)
        for r in received if not r.checksum_holds]


def districts_twice(received: list[ReceivedPackage]) -> list[Finding]:
    """One package per district and year: a second one would count the district twice."""
    seen: dict[tuple[int, str], ReceivedPackage] = {}
    findings = []
    for r in received:
        key = (r.package.year, r.package.district.id)
        if key in seen:
            findings.append(error(r.loc, _("{district} has a second package for {year} (the first: {first}): keep "
                                           "one of them", district=_name(r), year=r.package.year,
                                           first=seen[key].file), RULE, REGION_REPORT))
        else:
            seen[key] = r
    return findings


def districts_missing(received: list[ReceivedPackage], districts: list, folder: str,
                      unread: dict[int, set[str]] | None = None) -> list[Finding]:
    """Every district of body.yaml's `districts:` sends a package for each year the oblast has packages for.

    `unread`: by year, the district ids of files that lie there but could not be read: their own finding says
    why, and the district is not also called missing."""
    by_year: dict[int, set[str]] = defaultdict(set)
    for r in received:
        by_year[r.package.year].add(r.package.district.id)
    for year, ids in (unread or {}).items():
        by_year[year] |= ids
    findings = []
    for year, present in sorted(by_year.items()):
        for district in districts:
            if district.id not in present:
                findings.append(error(Loc(f"{folder}/{year}"), _(
                    "there is no package of {district} for {year}: put the file its secretary sent "
                    "({id}.json) into this folder", district=_listed_name(district),
                    year=year, id=district.id), RULE, REGION_REPORT))
    return findings


def districts_not_listed(received: list[ReceivedPackage], districts: list) -> list[Finding]:
    """A package of a district that body.yaml's `districts:` does not name: add it there, or remove the file."""
    listed = {d.id for d in districts}
    return [error(r.loc_of("district"), _(
        "{district} is not among the districts of body.yaml (districts:): add it there, or remove this file",
        district=_name(r)), RULE, REGION_REPORT)
        for r in received if r.package.district.id not in listed]


def packages_in_a_district_project(received: list[ReceivedPackage], level: str) -> list[Finding]:
    """Only an oblast Штаб receives packages (level: oblast in body.yaml)."""
    if level == "oblast" or not received:
        return []
    return [error(received[0].loc, _("packages of districts are received by an oblast Штаб: write level: oblast "
                                     "in body.yaml, or remove the folder {folder}", folder=f"{FOLDER}/"), RULE,
                  REGION_REPORT)]


def unread_files(project, received: list[ReceivedPackage]) -> dict[int, set[str]]:
    """By year folder, the stems of the package files that gave no package (unreadable, or not a package)."""
    read = {r.file for r in received}
    unread: dict[int, set[str]] = defaultdict(set)
    for path in (project.inputs / FOLDER).glob("*/*.json"):
        if path.parent.name.isdigit() and display_path(path) not in read:
            unread[int(path.parent.name)].add(path.stem)
    return unread


def assess_districts(assessment: Assessment) -> None:
    """The oblast's received packages, all rules."""
    project = assessment.project
    received = project.districts
    if project.body is None:
        return
    findings = packages_in_a_district_project(received, project.body.level)
    if project.body.level == "oblast":
        folder = project.file_of(FOLDER)
        findings += (packages_of_another_year(received) + packages_of_unknown_version(received)
                     + packages_changed_after_writing(received) + districts_twice(received)
                     + districts_not_listed(received, project.body.districts)
                     + districts_missing(received, project.body.districts, folder, unread_files(project, received)))
    assessment.findings += findings
