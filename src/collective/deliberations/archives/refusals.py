"""The reasons an elimination is refused, shared by records (elimination.py) and personal data (personal.py)."""

from collective.deliberations import _


def not_closed(title):
    return _("error_elim_open", default="${title} is not closed yet.", mapping={"title": title})


def held(title):
    return _(
        "error_sip_hold",
        mapping={"title": title},
        default="${title} is under legal hold: it can be neither transferred nor eliminated.",
    )


def not_destroyed(title, action):
    return _(
        "error_elim_not_d",
        default="${title}: its final disposition is ${action}, not D (destruction).",
        mapping={"title": title, "action": action},
    )


def dua_runs(title, end):
    return _(
        "error_elim_dua",
        default="${title}: its DUA runs until ${date}.",
        mapping={"title": title, "date": end.isoformat() if end else "?"},
    )
