"""Preferences → General → Language: follow the system, or speak a chosen language.

The choice is kept per computer in a one-line file (``base.i18n.choose_language``), so
the command line, which never imports Qt, speaks the same language. Words already on
screen stay as they are, so the section says plainly that the new language comes with
the next start: building every window again would lose what the person has open.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from selftrust.base import i18n
from selftrust.base.i18n import _
from selftrust.ui.dialogs.commitment_form import section_label
from selftrust.ui.widgets.labels import Hint


def _name_of(code: str) -> str:
    """A language by its own name ("Deutsch"); the app's English for English variants."""
    base = code.split("_")[0]
    names = {lang.code: lang.name for lang in i18n.shipped_languages()}
    return names.get(code) or names.get(base) or code


class LanguageSection(QWidget):
    """A heading, the language combo box and a note on when the change shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("language-prefs")
        self.combo = QComboBox()
        self.combo.setObjectName("language")
        self.combo.setAccessibleName(_("Language"))
        system = i18n.system_language()
        system_name = _name_of(system if i18n.has_catalogue(system) else i18n.ENGLISH)
        # TRANSLATORS: the first choice of the language box; {language} is the system's
        # language by its own name ("Deutsch"), or English when Self-Trust does not speak it.
        self.combo.addItem(_("As the system is set ({language})").format(language=system_name),
                           None)
        for language in i18n.shipped_languages():
            self.combo.addItem(language.name, language.code)
        # Sized to its languages' names, not to the longer "as the system is set" line.
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(24)
        self.combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        chosen = i18n.chosen_language()
        index = self.combo.findData(chosen.split("_")[0]) if chosen else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.note = Hint(_("Self-Trust speaks the language you choose from its next start."))
        self.note.setObjectName("language-note")
        self.note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(section_label(_("&Language"), self.combo))
        row = QHBoxLayout()
        row.addWidget(self.combo)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.combo.currentIndexChanged.connect(self._chosen)

    def _chosen(self, index: int) -> None:
        code = self.combo.itemData(index)
        try:
            i18n.choose_language(code)
        except OSError as exc:
            self.note.setText(_("The choice could not be kept ({problem}).").format(
                problem=exc.strerror or exc))
            return
        wanted = i18n.wanted_language()
        if wanted.split("_")[0] == i18n.language().split("_")[0]:
            self.note.setText(_("Self-Trust speaks this language now."))
        else:
            # TRANSLATORS: said in the language spoken now; {language} is the new one by
            # its own name ("Deutsch").
            self.note.setText(
                _("Self-Trust will speak {language} the next time it starts.").format(
                    language=_name_of(wanted)))
