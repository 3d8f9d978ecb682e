"""The sentences of the semantic diff: per kind of change, an English msgid with
{placeholders} that ``semdiff_say.Say`` translates (the catalogs in ``hfctl/locale`` hold the
nynorsk and bokmål) and fills."""

from __future__ import annotations

from hfctl.core.rule import N_

MESSAGES: dict[str, str] = {
    "forum-added": N_("New body: {forum}"),
    "forum-removed": N_("Body removed: {forum}"),
    "member-joined": N_("{person} joins {forum} as {role} for {represents}, {from} to {to}"),
    "member-renewed": N_(
        "{person} continues in {forum} as {role} for {represents}, new term {from} to {to}"
    ),
    "member-left": N_("{person} ({role}) is no longer recorded in {forum}"),
    "member-role": N_("{person} changes role in {forum} from {old} to {new}"),
    "member-term": N_("Term of {person} in {forum} now ends {to} (was {old})"),
    "secretariat-term": N_("{forum} secretariat: {holder} holds it {from} to {to}"),
    "meeting-moved": N_(
        "{forum} meeting moved from {old} {old_start} to {date} {start}, {location}"
    ),
    "meeting-changed": N_("{forum} meeting on {date} now at {start}, {location}"),
    "meeting-added": N_("New {kind} {forum} meeting on {date} at {start}, {location}"),
    "meeting-removed": N_("Meeting {meeting} removed"),
    "meeting-cancelled": N_("{forum} meeting on {date} cancelled"),
    "meeting-held": N_("{forum} meeting on {date} held"),
    "meeting-planned": N_("{forum} meeting on {date} planned again"),
    "case-added": N_("Case added to {forum} {date}: {label} {title}"),
    "case-numbered": N_("{title}: {old} → {label}"),
    "decision": N_("Decision recorded in {forum} {label}: {decision}"),
    "action-added": N_("Action {action}: {what} ({responsible}, due {due})"),
    "action-done": N_("Action {action} done on {closed}"),
    "action-dropped": N_("Action {action} dropped on {closed}"),
    "action-open": N_("Action {action} reopened"),
    "case-title-corrected": N_("{label}: title corrected from '{old}' to '{title}' ({reason})"),
    "case-retitled": N_("{label} of {forum} {date} is now titled “{title}” (was “{old}”)"),
    "case-changed": N_("{label} {title}: {details}"),
    "case-removed": N_("Case taken off the agenda of {forum} {date}: {title}"),
    "case-withdrawn": N_("{label} {title} of {forum} {date} withdrawn"),
    "case-reordered": N_("The cases of {forum} {date} are in a new order"),
    "minutes-approved": N_("The minutes of {forum} {old} approved in {label}"),
    "agenda-issued": N_("Agenda of {forum} {date} issued on {issued}"),
    "invitation-sent": N_("Invitation to {forum} {date} sent on {sent}"),
    "attendance-present": N_("{person} present at {forum} {date}"),
    "attendance-apologies": N_("{person} sent apologies to {forum} {date}"),
    "attendance-deputy": N_("{person} met for {member} at {forum} {date}"),
    "attendance-removed": N_("{person} taken off the attendance of {forum} {date}"),
    "information-added": N_("New information from {source}: {title}"),
    "information-sent": N_("“{title}” sent to {count} parties on {sent}"),
    "version-adopted": N_("{agreement} {version} adopted by {adopted_by} on {adopted}"),
    "signature-sent": N_("{agreement} {version} was sent to {municipality} on {date}"),
    "signature-council-meeting": N_(
        "{municipality} took up the {agreement} {version} in council on {date}"
    ),
    "signature-signed": N_("{municipality} signed the {agreement} {version} on {date}"),
    "signature-declined": N_("{municipality} declined the {agreement} {version} on {date}"),
    "party-added": N_("New party: {party} ({kind})"),
    "party-removed": N_("Party removed: {party}"),
    "party-changed": N_("{party}: {what}"),
    "person-added": N_("New person: {person}{title} ({party})"),
    "person-changed": N_("{person}: {what}"),
    "person-removed": N_("Person removed: {person}"),
    "unreadable": N_("{side}: {location} {code} {problem}"),
}
