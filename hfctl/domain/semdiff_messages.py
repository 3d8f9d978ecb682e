"""The sentences of the semantic diff: per kind of change, in nynorsk, bokmål and English,
with {placeholders} that ``semdiff_say.Say`` fills."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "forum-added": {
        "nn": "Nytt organ: {forum}",
        "nb": "Nytt organ: {forum}",
        "en": "New body: {forum}",
    },
    "forum-removed": {
        "nn": "Organ fjerna: {forum}",
        "nb": "Organ fjernet: {forum}",
        "en": "Body removed: {forum}",
    },
    "member-joined": {
        "nn": "{person} går inn i {forum} som {role} for {represents}, {from} til {to}",
        "nb": "{person} går inn i {forum} som {role} for {represents}, {from} til {to}",
        "en": "{person} joins {forum} as {role} for {represents}, {from} to {to}",
    },
    "member-renewed": {
        "nn": "{person} held fram i {forum} som {role} for {represents}, ny periode {from} til "
        "{to}",
        "nb": "{person} fortsetter i {forum} som {role} for {represents}, ny periode {from} til "
        "{to}",
        "en": "{person} continues in {forum} as {role} for {represents}, new term {from} to {to}",
    },
    "member-left": {
        "nn": "{person} ({role}) er ikkje lenger registrert i {forum}",
        "nb": "{person} ({role}) er ikke lenger registrert i {forum}",
        "en": "{person} ({role}) is no longer recorded in {forum}",
    },
    "member-role": {
        "nn": "{person} byter rolle i {forum} frå {old} til {new}",
        "nb": "{person} bytter rolle i {forum} fra {old} til {new}",
        "en": "{person} changes role in {forum} from {old} to {new}",
    },
    "member-term": {
        "nn": "Perioden til {person} i {forum} sluttar no {to} (var {old})",
        "nb": "Perioden til {person} i {forum} slutter nå {to} (var {old})",
        "en": "Term of {person} in {forum} now ends {to} (was {old})",
    },
    "secretariat-term": {
        "nn": "Sekretariatet for {forum}: {holder} har det {from} til {to}",
        "nb": "Sekretariatet for {forum}: {holder} har det {from} til {to}",
        "en": "{forum} secretariat: {holder} holds it {from} to {to}",
    },
    "meeting-moved": {
        "nn": "Møtet i {forum} er flytta frå {old} kl. {old_start} til {date} kl. {start}, "
        "{location}",
        "nb": "Møtet i {forum} er flyttet fra {old} kl. {old_start} til {date} kl. {start}, "
        "{location}",
        "en": "{forum} meeting moved from {old} {old_start} to {date} {start}, {location}",
    },
    "meeting-changed": {
        "nn": "Møtet i {forum} {date} er no kl. {start}, {location}",
        "nb": "Møtet i {forum} {date} er nå kl. {start}, {location}",
        "en": "{forum} meeting on {date} now at {start}, {location}",
    },
    "meeting-added": {
        "nn": "Nytt {kind} møte i {forum} {date} kl. {start}, {location}",
        "nb": "Nytt {kind} møte i {forum} {date} kl. {start}, {location}",
        "en": "New {kind} {forum} meeting on {date} at {start}, {location}",
    },
    "meeting-removed": {
        "nn": "Møtet {meeting} er fjerna",
        "nb": "Møtet {meeting} er fjernet",
        "en": "Meeting {meeting} removed",
    },
    "meeting-cancelled": {
        "nn": "Møtet i {forum} {date} er avlyst",
        "nb": "Møtet i {forum} {date} er avlyst",
        "en": "{forum} meeting on {date} cancelled",
    },
    "meeting-held": {
        "nn": "Møtet i {forum} {date} er halde",
        "nb": "Møtet i {forum} {date} er holdt",
        "en": "{forum} meeting on {date} held",
    },
    "meeting-planned": {
        "nn": "Møtet i {forum} {date} er planlagt att",
        "nb": "Møtet i {forum} {date} er planlagt igjen",
        "en": "{forum} meeting on {date} planned again",
    },
    "case-added": {
        "nn": "Ny sak til {forum} {date}: {label} {title}",
        "nb": "Ny sak til {forum} {date}: {label} {title}",
        "en": "Case added to {forum} {date}: {label} {title}",
    },
    "case-numbered": {
        "nn": "{title}: {old} → {label}",
        "nb": "{title}: {old} → {label}",
        "en": "{title}: {old} → {label}",
    },
    "decision": {
        "nn": "Vedtak i {forum} {label}: {decision}",
        "nb": "Vedtak i {forum} {label}: {decision}",
        "en": "Decision recorded in {forum} {label}: {decision}",
    },
    "action-added": {
        "nn": "Oppfølging {action}: {what} ({responsible}, frist {due})",
        "nb": "Oppfølging {action}: {what} ({responsible}, frist {due})",
        "en": "Action {action}: {what} ({responsible}, due {due})",
    },
    "action-done": {
        "nn": "Oppfølging {action} utført {closed}",
        "nb": "Oppfølging {action} utført {closed}",
        "en": "Action {action} done on {closed}",
    },
    "action-dropped": {
        "nn": "Oppfølging {action} lagd bort {closed}",
        "nb": "Oppfølging {action} lagt bort {closed}",
        "en": "Action {action} dropped on {closed}",
    },
    "action-open": {
        "nn": "Oppfølging {action} er opna att",
        "nb": "Oppfølging {action} er åpnet igjen",
        "en": "Action {action} reopened",
    },
    "case-title-corrected": {
        "nn": "{label}: tittelen er retta frå «{old}» til «{title}» ({reason})",
        "nb": "{label}: tittelen er rettet fra «{old}» til «{title}» ({reason})",
        "en": "{label}: title corrected from '{old}' to '{title}' ({reason})",
    },
    "case-retitled": {
        "nn": "{label} i {forum} {date} heiter no «{title}» (var «{old}»)",
        "nb": "{label} i {forum} {date} heter nå «{title}» (var «{old}»)",
        "en": "{label} of {forum} {date} is now titled “{title}” (was “{old}”)",
    },
    "case-changed": {
        "nn": "{label} {title}: {details}",
        "nb": "{label} {title}: {details}",
        "en": "{label} {title}: {details}",
    },
    "case-removed": {
        "nn": "Sak teken av sakslista til {forum} {date}: {title}",
        "nb": "Sak tatt av sakslisten til {forum} {date}: {title}",
        "en": "Case taken off the agenda of {forum} {date}: {title}",
    },
    "case-withdrawn": {
        "nn": "{label} {title} i {forum} {date} er trekt",
        "nb": "{label} {title} i {forum} {date} er trukket",
        "en": "{label} {title} of {forum} {date} withdrawn",
    },
    "case-reordered": {
        "nn": "Sakene til {forum} {date} står i ny rekkjefølgje",
        "nb": "Sakene til {forum} {date} står i ny rekkefølge",
        "en": "The cases of {forum} {date} are in a new order",
    },
    "minutes-approved": {
        "nn": "Referatet frå {forum} {old} er godkjent i {label}",
        "nb": "Referatet fra {forum} {old} er godkjent i {label}",
        "en": "The minutes of {forum} {old} approved in {label}",
    },
    "agenda-issued": {
        "nn": "Sakslista til {forum} {date} er send ut {issued}",
        "nb": "Sakslisten til {forum} {date} er sendt ut {issued}",
        "en": "Agenda of {forum} {date} issued on {issued}",
    },
    "invitation-sent": {
        "nn": "Innkallinga til {forum} {date} er send {sent}",
        "nb": "Innkallingen til {forum} {date} er sendt {sent}",
        "en": "Invitation to {forum} {date} sent on {sent}",
    },
    "attendance-present": {
        "nn": "{person} til stades i {forum} {date}",
        "nb": "{person} til stede i {forum} {date}",
        "en": "{person} present at {forum} {date}",
    },
    "attendance-apologies": {
        "nn": "{person} melde forfall til {forum} {date}",
        "nb": "{person} meldte forfall til {forum} {date}",
        "en": "{person} sent apologies to {forum} {date}",
    },
    "attendance-deputy": {
        "nn": "{person} møtte for {member} i {forum} {date}",
        "nb": "{person} møtte for {member} i {forum} {date}",
        "en": "{person} met for {member} at {forum} {date}",
    },
    "attendance-removed": {
        "nn": "{person} er teken ut av oppmøtet i {forum} {date}",
        "nb": "{person} er tatt ut av oppmøtet i {forum} {date}",
        "en": "{person} taken off the attendance of {forum} {date}",
    },
    "information-added": {
        "nn": "Ny informasjon frå {source}: {title}",
        "nb": "Ny informasjon fra {source}: {title}",
        "en": "New information from {source}: {title}",
    },
    "information-sent": {
        "nn": "«{title}» er send til {count} partar {sent}",
        "nb": "«{title}» er sendt til {count} parter {sent}",
        "en": "“{title}” sent to {count} parties on {sent}",
    },
    "version-adopted": {
        "nn": "{agreement} {version} vedteken av {adopted_by} den {adopted}",
        "nb": "{agreement} {version} vedtatt av {adopted_by} den {adopted}",
        "en": "{agreement} {version} adopted by {adopted_by} on {adopted}",
    },
    "signature-sent": {
        "nn": "{agreement} {version} er sendt til {municipality} den {date}",
        "nb": "{agreement} {version} er sendt til {municipality} den {date}",
        "en": "{agreement} {version} was sent to {municipality} on {date}",
    },
    "signature-council-meeting": {
        "nn": "{municipality} handsama {agreement} {version} i kommunestyret den {date}",
        "nb": "{municipality} behandlet {agreement} {version} i kommunestyret den {date}",
        "en": "{municipality} took up the {agreement} {version} in council on {date}",
    },
    "signature-signed": {
        "nn": "{municipality} signerte {agreement} {version} den {date}",
        "nb": "{municipality} signerte {agreement} {version} den {date}",
        "en": "{municipality} signed the {agreement} {version} on {date}",
    },
    "signature-declined": {
        "nn": "{municipality} avslo {agreement} {version} den {date}",
        "nb": "{municipality} avslo {agreement} {version} den {date}",
        "en": "{municipality} declined the {agreement} {version} on {date}",
    },
    "party-added": {
        "nn": "Ny part: {party} ({kind})",
        "nb": "Ny part: {party} ({kind})",
        "en": "New party: {party} ({kind})",
    },
    "party-removed": {
        "nn": "Part fjerna: {party}",
        "nb": "Part fjernet: {party}",
        "en": "Party removed: {party}",
    },
    "party-changed": {
        "nn": "{party}: {what}",
        "nb": "{party}: {what}",
        "en": "{party}: {what}",
    },
    "person-added": {
        "nn": "Ny person: {person}{title} ({party})",
        "nb": "Ny person: {person}{title} ({party})",
        "en": "New person: {person}{title} ({party})",
    },
    "person-changed": {
        "nn": "{person}: {what}",
        "nb": "{person}: {what}",
        "en": "{person}: {what}",
    },
    "person-removed": {
        "nn": "Person fjerna: {person}",
        "nb": "Person fjernet: {person}",
        "en": "Person removed: {person}",
    },
    "unreadable": {
        "nn": "{side}: {location} {code} {problem}",
        "nb": "{side}: {location} {code} {problem}",
        "en": "{side}: {location} {code} {problem}",
    },
}


# small words inside the sentences
