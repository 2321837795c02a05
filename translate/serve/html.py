"""``format=html``: the text nodes of a fragment or document, translated in place, the markup kept.

lxml's HTML parser (libxml2, forgiving as browsers are) reads the markup; each element's text and
tail is one text to translate; tags, attributes and comments stay as they are. The content of
``script``, ``style`` and ``template``, and of elements marked ``translate="no"`` or
``class="notranslate"`` (what browsers and translation tools honour), is left alone. Inline
markup splits a sentence into the texts around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import lxml.etree
import lxml.html

from translate.errors import InputError

_SKIP = frozenset({"script", "style", "template", "code", "pre", "kbd", "samp", "var"})
_DOCUMENT = re.compile(r"\s*(?:<!doctype|<html[\s>])", re.IGNORECASE)


@dataclass
class HtmlText:
    """A parsed HTML text and the places of its translatable text nodes."""

    root: lxml.html.HtmlElement
    document: bool  # a whole document (<html>…), not a fragment
    doctype: str
    slots: list[tuple[lxml.html.HtmlElement, str]]  # (element, "text" or "tail")

    @property
    def texts(self) -> list[str]:
        """The text nodes to translate, in document order."""
        return [getattr(element, where) for element, where in self.slots]

    def render(self, translations: list[str]) -> str:
        """The markup with each text node replaced by its translation (its surrounding space kept)."""
        for (element, where), new in zip(self.slots, translations):
            old = getattr(element, where)
            lead, trail = old[:len(old) - len(old.lstrip())], old[len(old.rstrip()):]
            setattr(element, where, lead + new.strip() + trail)
        if self.document:
            return lxml.html.tostring(self.root, encoding="unicode", doctype=self.doctype)
        inner = self.root.text or ""
        return inner + "".join(lxml.html.tostring(child, encoding="unicode") for child in self.root)


def parse_html(markup: str) -> HtmlText:
    """``markup`` parsed; an InputError when the parser refuses it."""
    document = bool(_DOCUMENT.match(markup))
    try:
        if document:
            tree = lxml.html.document_fromstring(markup).getroottree()
            root, doctype = tree.getroot(), tree.docinfo.doctype
        else:
            root, doctype = lxml.html.fragment_fromstring(markup, create_parent="div"), ""
    except (lxml.etree.ParserError, ValueError) as e:
        raise InputError(f"format=html: cannot parse the markup: {e}") from None
    slots: list[tuple[lxml.html.HtmlElement, str]] = []
    _collect(root, slots, skip=False, top=True)
    return HtmlText(root, document, doctype, slots)


def translate_html(markup: str, translate: Callable[[list[str]], list[str]]) -> str:
    """``markup`` with its text nodes translated by ``translate`` (a list of texts → theirs)."""
    parsed = parse_html(markup)
    return parsed.render(translate(parsed.texts))


def _collect(element: lxml.html.HtmlElement, slots: list[tuple[lxml.html.HtmlElement, str]], skip: bool,
             top: bool = False) -> None:
    comment = not isinstance(element.tag, str)  # a comment or processing instruction: its tail only
    inner_skip = skip or comment or element.tag.lower() in _SKIP \
        or (element.get("translate") or "").lower() == "no" or "notranslate" in (element.get("class") or "").split()
    if not comment and not inner_skip and (element.text or "").strip():
        slots.append((element, "text"))
    if not comment:
        for child in element:
            _collect(child, slots, inner_skip)
    if not top and not skip and (element.tail or "").strip():
        slots.append((element, "tail"))
