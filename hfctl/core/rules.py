"""Every problem code hfctl reports, with its name, severity and what it ensures.

The codes are stable: a code, once released, keeps its meaning. ``docs/rules.md`` is generated
from this table (``hfctl rules --format md``) and a test keeps the two in step.
"""

from __future__ import annotations

from hfctl.core.problems import Location, Problem
from hfctl.core.rule import E, Rule, W
from hfctl.core.rules_files import FILES

__all__ = ["RULES", "Rule", "problem", "rule", "rules_markdown"]


_TABLE: list[Rule] = [
    *FILES,
    # forums and members
    Rule("HF333", "term-expiring", W, "No member's term expires unnoticed (within 60 days)."),
    Rule("HF334", "member-of-dissolved-forum", E, "Nobody sits in a forum after it is dissolved."),
    Rule("HF335", "term-overlap", E, "No two terms of one person in one forum overlap."),
    # representation (the rules in community.yaml)
    Rule("HF336", "seat-required", E, "Each forum has the seats its representation rules require."),
    Rule("HF337", "seat-limit", E, "No forum has more seats of a kind than its rules allow."),
    Rule(
        "HF338", "parity", E, "A forum under a parity rule has as many municipal as trust members."
    ),
    Rule("HF339", "forum-size", E, "No forum has more members than its rules allow."),
    Rule("HF344", "seat-appointer", E, "A seat is appointed by a body its rule names."),
    Rule("HF345", "seat-member-of", E, "A seat's holder sits in the forum its rule names."),
    Rule(
        "HF346",
        "seat-kind-party",
        E,
        "A municipal seat represents a municipality, a trust seat the trust.",
    ),
    # roles
    Rule("HF340", "role-overlap", E, "An exclusive role has one holder at a time."),
    Rule("HF341", "role-vacant", E, "An exclusive role has a holder today."),
    Rule(
        "HF342",
        "role-membership",
        E,
        "The holder of a role is a member of the forums the role requires.",
    ),
    Rule(
        "HF343",
        "role-secretary",
        E,
        "The holder of a role is secretary of the forums the role requires.",
    ),
    # secretariat
    Rule(
        "HF350",
        "secretariat-continuity",
        E,
        "Secretariat terms follow each other without gap or overlap.",
    ),
    Rule(
        "HF351",
        "secretariat-term-length",
        E,
        "Each secretariat term is as long as the rotation rule says.",
    ),
    Rule(
        "HF352",
        "secretariat-alternation",
        E,
        "The secretariat passes between the holders in the rotation's order.",
    ),
    Rule("HF353", "secretariat-current", E, "A secretariat term covers today."),
    Rule("HF354", "secretariat-holder", E, "Every term's holder is one the rotation names."),
    Rule(
        "HF355",
        "meeting-secretary",
        E,
        "A meeting's secretary belongs to the holder of the forum's secretariat on that day.",
    ),
    Rule(
        "HF356",
        "secretariat-next-term",
        W,
        "The next secretariat term is recorded before the current one ends (within 90 days).",
    ),
    # meetings and cases
    Rule(
        "HF360",
        "yearly-meeting-missing",
        W,
        "The yearly forum (Partnerskapsmøtet) has a meeting planned this year and next.",
    ),
    Rule(
        "HF361",
        "yearly-meeting-twice",
        E,
        "The yearly forum has at most one ordinary meeting a calendar year.",
    ),
    Rule("HF362", "case-number-duplicate", E, "Case numbers are unique per forum and year."),
    Rule("HF363", "case-number-gap", E, "Case numbers run without gaps per forum and year."),
    Rule(
        "HF364",
        "case-number-order",
        E,
        "Case numbers increase in meeting order within a forum and year.",
    ),
    Rule("HF365", "case-unnumbered", E, "Every case on an issued agenda has a number."),
    Rule("HF366", "meeting-of-inactive-forum", E, "Meetings are held by forums that exist then."),
    Rule(
        "HF380",
        "case-renumbered",
        E,
        "An issued case number never changes (compared with the last commit).",
    ),
    Rule(
        "HF381",
        "case-number-reused",
        E,
        "An issued case number is never removed or given to another case.",
    ),
    Rule("HF385", "case-title-twice", W, "The cases of one meeting have different titles."),
    Rule(
        "HF382",
        "approved-minutes-changed",
        E,
        "Approved minutes never change: attendance, decisions and conflicts of interest "
        "(compared with the last commit).",
    ),
    # agreements
    Rule(
        "HF370",
        "signature-order",
        E,
        "Signature steps are in order: sent, then in council, then signed or declined.",
    ),
    Rule(
        "HF371",
        "signature-before-adoption",
        E,
        "No signature step is dated before its version was adopted.",
    ),
    Rule(
        "HF372",
        "signature-record-missing",
        E,
        "Every municipality in the region has a record for the current overarching agreement.",
    ),
    Rule(
        "HF373",
        "statute-item-uncovered",
        E,
        "Every required item of § 6-2 is covered by a service agreement (tenesteavtale).",
    ),
    Rule("HF374", "revision-overdue", W, "No agreement is past its revision date."),
    Rule(
        "HF375",
        "superseded-signature",
        W,
        "No municipality has signed only a superseded version 180 days after a new one.",
    ),
    Rule("HF376", "unknown-statute-item", E, "A service agreement covers items the statute has."),
    # decisions, attendance and follow-up
    Rule("HF420", "decision-before-meeting", E, "Decisions are recorded only on held meetings."),
    Rule(
        "HF421", "decisions-missing", W, "A held meeting has its decisions recorded within 14 days."
    ),
    Rule(
        "HF422",
        "minutes-not-approved",
        W,
        "The minutes of a meeting are approved at the forum's next held meeting.",
    ),
    Rule(
        "HF423",
        "action-responsible",
        E,
        "An action's responsible is a known forum, party or person.",
    ),
    Rule("HF424", "action-due", E, "An action is due after the meeting that decided it."),
    Rule(
        "HF425",
        "attendance-member",
        E,
        "Attendance names members of the forum, invitees or named deputies.",
    ),
    Rule("HF426", "action-id-duplicate", E, "Every action has its own id."),
    Rule(
        "HF427",
        "action-closed",
        E,
        "A done or dropped action has a closing date, on or after its decision; an open one "
        "has none.",
    ),
    # the year's meeting plan (hfctl plan), checked on any plan
    Rule(
        "HF440",
        "meeting-in-school-break",
        W,
        "No meeting falls in a school break of a county its members come from, unless its "
        "cadence says it need not avoid them.",
    ),
    Rule(
        "HF441",
        "member-double-booked",
        E,
        "No one sits in two meetings at overlapping times.",
    ),
    Rule(
        "HF442",
        "preparing-meeting-missing",
        W,
        "A body that meets before another (cadence 'before') has a meeting in the window "
        "before each of its meetings.",
    ),
    Rule(
        "HF443",
        "notice-unreachable",
        W,
        "A planned meeting whose invitation has not gone out can still be given its notice.",
    ),
    Rule(
        "HF445",
        "school-breaks-missing",
        W,
        "From September, next year's school breaks are recorded for every county whose "
        "municipalities sit in a body with a cadence, so the year can be planned.",
    ),
    Rule(
        "HF444",
        "calendar-county",
        E,
        "A calendar's county is a county of data/counties.yaml valid in its year.",
    ),
    Rule(
        "HF428",
        "attendance-contradiction",
        E,
        "Attendance names a person once: not both present and absent or replaced by a deputy.",
    ),
    Rule(
        "HF429",
        "case-not-prepared",
        W,
        "An SSU decision case marked as needing preparation was prepared in an earlier "
        "Helseleiarnettverket meeting.",
    ),
    # case documents and exemption from public access
    Rule(
        "HF430",
        "legal-basis-unknown",
        E,
        "Every exemption names a legal basis listed in data/legal-bases.yaml.",
    ),
    Rule(
        "HF431",
        "public-title-not-exempt",
        W,
        "Only an exempt case or attachment has a public title.",
    ),
    Rule("HF432", "attachment-source", E, "An attachment is one file or one web address."),
    Rule(
        "HF433", "attachment-missing", E, "An attachment's file is in the repository under data/."
    ),
    Rule("HF434", "paper-without-case", E, "Every saksframlegg names a case of its meeting."),
    Rule("HF435", "paper-twice", E, "A case has at most one saksframlegg."),
    Rule("HF436", "apologies-to-unknown", E, "Apologies (forfall) go to a known person."),
    Rule("HF437", "video-link", E, "A meeting's video link is a web address."),
    Rule(
        "HF438",
        "dissent-not-present",
        E,
        "A dissent (protokolltilførsel) is entered for someone present at the meeting.",
    ),
    # information to the parties
    Rule(
        "HF390",
        "information-partly-sent",
        W,
        "An information item goes to every party of its audience, not only to some (a send "
        "that stopped part-way is recorded as it happened, and this warns until the rest go).",
    ),
    Rule(
        "HF391",
        "information-same-day",
        E,
        "The trust and the municipalities receive an item on the same day.",
    ),
    Rule(
        "HF392",
        "information-outside-audience",
        W,
        "An item is recorded as sent only to parties of its audience.",
    ),
    Rule(
        "HF393",
        "information-file-name",
        E,
        "Information files are named <received date>-<slug>.md.",
    ),
    # next steps for a new repository
    Rule("HF600", "body-without-members", W, "A body with no members yet is named as a step."),
    Rule("HF601", "role-never-held", W, "A role nobody has held yet is named as a step."),
    Rule("HF602", "no-meetings", W, "A repository with no meeting says how to plan the first."),
    Rule(
        "HF603",
        "agreement-not-sent",
        W,
        "An agreement version no municipality has been sent yet is named as a step.",
    ),
    Rule(
        "HF604",
        "agreement-without-version",
        W,
        "An agreement with no adopted version is named as a step.",
    ),
    # personal data
    Rule(
        "HF500",
        "national-identity-number",
        E,
        "No text holds a Norwegian national identity number (fødselsnummer or D-number).",
    ),
    Rule(
        "HF501",
        "private-mobile-number",
        W,
        "No text holds what looks like a private mobile number; use work contact points.",
    ),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _TABLE}


def rule(code: str) -> Rule:
    """The rule with ``code``; an unknown code is a programming error."""
    return RULES[code]


def problem(code: str, message: str, location: Location) -> Problem:
    """A problem of the rule ``code`` at ``location``."""
    return RULES[code].problem(message, location)


def rules_markdown() -> str:
    """The table of rules as Markdown, for docs/rules.md."""
    lines = [
        "# Problem codes",
        "",
        "Every problem `hfctl validate` reports has one of these stable codes. "
        "Errors fail validation; warnings fail it only with `--strict`.",
        "",
        "| code | name | severity | ensures |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r.code} | {r.name} | {r.severity.value} | {r.ensures} |" for r in _TABLE]
    return "\n".join(lines) + "\n"
