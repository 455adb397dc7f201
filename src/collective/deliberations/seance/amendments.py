"""Amendments: the text of each deliberation as it came before the séance is kept when the séance is held; the
secretariat may then change the text as amended; both versions stay, and the difference is shown word by word."""

from html import escape
from lxml import html as lxml_html
from persistent.mapping import PersistentMapping
from zope.annotation.interfaces import IAnnotations

import difflib


KEY = "collective.deliberations.draft_text"
FIELDS = ("title", "expose", "dispositif")


def text_of(deliberation):
    """{field: plain text} of the fields an amendment may change."""
    texts = {"title": deliberation.title or ""}
    for name in ("expose", "dispositif"):
        value = getattr(deliberation, name, None)
        markup = value.output if value is not None and value.output else ""
        texts[name] = lxml_html.fromstring(markup).text_content().strip() if markup.strip() else ""
    return texts


def keep_drafts(session, event):
    """When the séance is held, keep the text of each deliberation on its agenda as it came (once)."""
    if event.new_state.id != "held":
        return
    for item in session.agenda():
        deliberation = item.get_deliberation() if item.item_kind == "deliberation" else None
        if deliberation is not None and KEY not in IAnnotations(deliberation):
            IAnnotations(deliberation)[KEY] = PersistentMapping(text_of(deliberation))


def word_diff(before, after):
    """HTML of `after` with the words removed from `before` in <del> and the words added in <ins>."""
    old, new = before.split(), after.split()
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            parts.append(f"<del>{escape(' '.join(old[i1:i2]))}</del>")
        if op in ("replace", "insert"):
            parts.append(f"<ins>{escape(' '.join(new[j1:j2]))}</ins>")
        if op == "equal":
            parts.append(escape(" ".join(old[i1:i2])))
    return " ".join(parts)


def amendments(deliberation):
    """None before the séance; else the draft, the current (adopted) text and, per changed field, the difference."""
    draft = IAnnotations(deliberation).get(KEY)
    if draft is None:
        return None
    current = text_of(deliberation)
    changed = {name: word_diff(draft[name], current[name]) for name in FIELDS if draft[name] != current[name]}
    return {"draft": dict(draft), "adopted": current, "changed": changed}
