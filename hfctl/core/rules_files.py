"""The rules of reading files, their schema, identity and references and dates: the first
part of the table in ``hfctl.core.rules``."""

from __future__ import annotations

from hfctl.core.rule import E, Rule, W

FILES: list[Rule] = [
    # reading files
    Rule("HF100", "unreadable-file", E, "Every data file can be opened and read."),
    Rule("HF101", "yaml-syntax", E, "Every data file is valid YAML."),
    Rule("HF102", "duplicate-key", E, "No mapping gives the same key twice."),
    Rule(
        "HF103",
        "encoding",
        E,
        "Files are UTF-8 (a BOM allowed) without control or invisible characters.",
    ),
    Rule("HF104", "structure", E, "Keys are plain text and nesting stays shallow."),
    Rule("HF105", "file-too-large", E, "No data file is larger than 1 MB."),
    Rule("HF106", "merge-conflict", E, "No file holds unresolved merge-conflict markers."),
    Rule("HF107", "empty-file", E, "No data file is empty or only comments."),
    Rule("HF108", "top-level-type", E, "Every file's top level is a mapping."),
    Rule("HF109", "yaml-directive", E, "No file uses %YAML or %TAG directives."),
    Rule(
        "HF110", "anchor-alias", E, "No file uses anchors or aliases: every value is written out."
    ),
    Rule("HF111", "yaml-tag", E, "No file uses explicit YAML tags."),
    Rule("HF112", "multiple-documents", E, "Every file holds exactly one YAML document."),
    Rule("HF113", "tab-indent", E, "YAML is indented with spaces, never tabs."),
    Rule("HF114", "front-matter", E, "Markdown data files open and close their front matter."),
    Rule("HF115", "file-name", E, "Data file names are plain ASCII and not symbolic links."),
    Rule("HF116", "unknown-file", W, "Every file under data/ is a known kind of data file."),
    Rule(
        "HF120", "missing-file", E, "The repository has data/community.yaml and data/counties.yaml."
    ),
    Rule(
        "HF130",
        "template-syntax",
        E,
        "Every template in the repository's templates/ is valid Jinja.",
    ),
    Rule(
        "HF131",
        "template-render",
        E,
        "The repository's templates render every document its data gives, in every language.",
    ),
    # schema
    Rule("HF201", "unknown-key", E, "Every key is one the schema knows (misspellings are caught)."),
    Rule("HF202", "missing-key", E, "Every required key is given."),
    Rule("HF203", "invalid-value", E, "Every value has the right type and form."),
    Rule(
        "HF204",
        "ambiguous-scalar",
        W,
        "Text that other YAML tools read as a boolean or number is quoted.",
    ),
    Rule(
        "HF205",
        "comment-cuts-value",
        W,
        "A '#' written as part of a value (`Sak #5`) is not read as a comment that cuts it.",
    ),
    # identity and references
    Rule("HF301", "id-mismatch", E, "Each file's id matches its file name."),
    Rule(
        "HF302",
        "meeting-file-name",
        E,
        "Meeting files are named <date>-<forum>.md in the folder of their year.",
    ),
    Rule("HF303", "duplicate-id", E, "No two files claim the same id."),
    Rule(
        "HF310",
        "unknown-reference",
        E,
        "Every reference to a party, person, forum, role, agreement or meeting resolves.",
    ),
    Rule(
        "HF311",
        "unknown-municipality-number",
        E,
        "Every kommunenummer belongs to a municipality in the data.",
    ),
    Rule(
        "HF312",
        "county-mismatch",
        E,
        "A kommunenummer starts with the number of a county valid in its period.",
    ),
    Rule(
        "HF313",
        "overlapping-numbers",
        E,
        "A kommunenummer is used by one municipality at a time, and each has one at a time.",
    ),
    # dates
    Rule("HF320", "period-order", E, "Every period starts on or before the day it ends."),
    Rule("HF321", "meeting-time-order", E, "A meeting ends after it starts."),
]
