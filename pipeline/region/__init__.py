"""The oblast's view of its districts (§9.5, §26.7, §29).

A district Штаб's `annual-report` also writes `annual-package.json` (`package`): the figures of its annual
report as data, with the checksum of its own content and of the report it goes with. An oblast Штаб
(`level: oblast` in body.yaml) keeps the packages it received under `inputs/districts/<year>/`
(`received`), `check` judges them (`checks`), and `region-report` compares the districts (`report`).
"""
