"""The 浏览全部 tab: the category list, search over the index built once per library load (title,
快捷编码, pinyin and initials, keywords, replies), the matched text highlighted in the list, and a
preview card to copy from."""
from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import QListWidgetItem, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from . import theme as themes
from .copy_request import BROWSE
from .list_preview import ListPreview
from .widgets import SuggestionCard

if TYPE_CHECKING:
    from ..library import Script
    from ..library.search import Hit, SearchIndex
    from .compiled.main_window_ui import Ui_SidebarView
    from .favourites import Favourites
    from .library_ctl import LibraryController

AGENT_FILTER = "__agent_initiated__"
SHOWN = 200  # rows listed at most: a one-letter query at 10,000 scripts must not build 10,000 rows
TAB = 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2  # the search Hit: where the query matched, worked out when painted
FIELD_NAMES = {"code": "编码", "keyword": "关键词", "category": "分类", "reply": "回复", "example": "问法", "id": "编号"}
SNIPPET = 14  # characters either side of a match outside the title


PLAIN, MARK, DIM, DIM_MARK = range(4)  # how a piece of a row is drawn (row_segments)


def marked_html(text: str, spans: "tuple[tuple[int, int], ...]", colour: str) -> str:
    return segments_html(_marked(text, spans, PLAIN), colour)


def _marked(text: str, spans: "tuple[tuple[int, int], ...]", base: int) -> list[tuple[str, int]]:
    mark = MARK if base == PLAIN else DIM_MARK
    out, last = [], 0
    for start, end in spans:
        out += [(text[last:start], base), (text[start:end], mark)]
        last = end
    out.append((text[last:], base))
    return out


def row_segments(text: str, hit: "Hit | None") -> list[tuple[str, int]] | None:
    """A browse row (``text``: "★ [分类] 标题") in pieces, each PLAIN, MARK (the matched part),
    DIM (a match outside the title is shown after it, dimmed: 编码 by, 回复 …包邮…) or DIM_MARK.
    None: nothing to mark. Called for the rows painted only: working out a match costs ~50 us,
    a list holds hundreds."""
    match = hit.match if hit is not None else None
    if match is None or not match.spans:
        return None
    if match.field == "title":
        at = text.rfind(match.text)
        if at < 0:
            return None
        return [(text[:at], PLAIN), *_marked(match.text, match.spans, PLAIN), (text[at + len(match.text):], PLAIN)]
    start, end = match.spans[0][0], match.spans[-1][1]
    lo, hi = max(0, start - SNIPPET), min(len(match.text), end + SNIPPET)
    spans = tuple((a - lo, b - lo) for a, b in match.spans if b <= hi)
    label = FIELD_NAMES.get(match.field, match.field)
    return [
        (text, PLAIN), (" ", PLAIN), (f"· {label} " + ("…" if lo else ""), DIM),
        *_marked(match.text[lo:hi], spans, DIM), ("…" if hi < len(match.text) else "", DIM),
    ]


def segments_html(segments: list[tuple[str, int]], colour: str) -> str:
    out, dim = [], False
    for text, how in segments:
        if how in (DIM, DIM_MARK) and not dim:
            out.append('<span style="color:gray">')
            dim = True
        out.append(f'<b style="color:{colour}">{html.escape(text)}</b>' if how in (MARK, DIM_MARK) else html.escape(text))
    if dim:
        out.append("</span>")
    return "".join(out)


def row_html(text: str, hit: "Hit | None", colour: str) -> str | None:
    """A browse row as rich text with the matched part marked (``row_segments``), as painted."""
    segments = row_segments(text, hit)
    return segments_html(segments, colour) if segments is not None else None


class _MarkedDelegate(QStyledItemDelegate):
    """Draws a row with its matched part marked (``row_segments``), so the agent sees why it is
    there: the pieces drawn one after another with the font's metrics (a rich-text document a
    row cost ten times as much, and a keystroke paints twenty rows)."""

    def __init__(self, panel: "BrowsePanel"):
        super().__init__(panel.list)
        self.panel = panel

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        segments = row_segments(index.data(Qt.ItemDataRole.DisplayRole) or "", index.data(HIT_ROLE))
        if not segments:
            super().paint(painter, option, index)
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        # on the selected row's accent background the accent colour would vanish: bold alone there
        # (the list's own palette carries the stylesheet's selection-color; the option's does not)
        palette = self.panel.list.palette()
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        colours = {PLAIN: text_colour, MARK: QColor(text_colour if selected else self.panel.highlight), DIM: QColor("gray")}
        colours[DIM_MARK] = colours[MARK]
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect.adjusted(4, 0, -2, 0)
        bold = QFont(opt.font)
        bold.setBold(True)
        fonts = {False: (opt.font, QFontMetricsF(opt.font)), True: (bold, QFontMetricsF(bold))}
        painter.save()
        painter.setClipRect(rect)
        x = float(rect.left())
        for text, how in segments:
            if not text:
                continue
            font, metrics = fonts[how in (MARK, DIM_MARK)]
            width = metrics.horizontalAdvance(text)
            painter.setFont(font)
            painter.setPen(colours[how])
            painter.drawText(QRectF(x, rect.top(), width + 1, rect.height()), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
            x += width
            if x > rect.right():
                break
        painter.restore()


class BrowsePanel(ListPreview, QObject):
    source = BROWSE
    copyRequested = Signal(object)  # CopyRequest
    favouriteRequested = Signal(str)

    def __init__(self, ui: "Ui_SidebarView", library: "LibraryController", favourites: "Favourites", parent: QObject | None = None):
        super().__init__(parent)
        self.ui = ui
        self.library = library
        self.favourites = favourites
        self.highlight = themes.highlight_colour("light")
        self.list = ui.scriptList
        self._delegate = _MarkedDelegate(self)
        self.list.setItemDelegate(self._delegate)
        self.preview = SuggestionCard()
        self.preview.copyRequested.connect(self.copy_current)
        self.preview.favouriteRequested.connect(lambda c: self.favouriteRequested.emit(c.script.id) if c.script is not None else None)
        self.preview.hide()
        ui.previewLayout.addWidget(self.preview)
        ui.categoryCombo.currentIndexChanged.connect(self.refresh)
        ui.searchEdit.textChanged.connect(self.refresh)
        ui.searchEdit.returnPressed.connect(self.copy_current)
        self.list.currentRowChanged.connect(self._row_changed)
        self.list.itemDoubleClicked.connect(lambda _item: self.copy_current())
        self.list.installEventFilter(self)
        ui.searchEdit.installEventFilter(self)
        self._notes = 0  # rows at the end that say something (nothing found, only the first 200)
        self._rows: "tuple[object, dict[str, str]]" = (None, {})  # a row's text after the star, per library

    @property
    def index(self) -> "SearchIndex | None":
        index = self.library.index
        service = self.library.service
        return index if (index is not None and service is not None and index.library is service.library) else None

    def library_changed(self) -> None:
        if self.library.is_ready:
            self._fill_categories()
            self.refresh()

    def _fill_categories(self) -> None:
        service = self.library.service
        assert service is not None, "called once the library is ready"
        lib = service.library
        combo = self.ui.categoryCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(f"全部分类（{len(lib.scripts)}）", None)
        agent = [s for s in lib.scripts if s.agent_initiated]
        if agent:
            names = "、".join(s.title.split("：")[0] for s in agent[:3])
            combo.addItem(f"主动发送：{names}…（{len(agent)}）", AGENT_FILTER)
        for cid, label in lib.categories.items():
            n = len(lib.in_category(cid))
            if n:
                combo.addItem(f"{label}（{n}）", cid)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def results(self, query: str) -> "tuple[list[Script], list[Hit | None], int]":
        """(scripts, their hits (None without the index), how many matched in all)."""
        service = self.library.service
        assert service is not None
        data = self.ui.categoryCombo.currentData()
        category = None if data in (None, AGENT_FILTER) else data
        index = self.index
        if index is None:  # the index is still being built (1-2 s at 10,000 scripts): filter plainly
            scripts = service.browse(category, query)
            hits: list[Hit | None] = [None] * len(scripts)
        else:
            found = index.search(query, category=category, limit=None if data == AGENT_FILTER else SHOWN + 1)
            scripts, hits = [h.script for h in found], list(found)
        if data == AGENT_FILTER:
            keep = [i for i, s in enumerate(scripts) if s.agent_initiated]
            scripts, hits = [scripts[i] for i in keep], [hits[i] for i in keep]
        return scripts[:SHOWN], hits[:SHOWN], len(scripts)

    def refresh(self) -> None:
        if not self.library.is_ready:
            return
        query = self.ui.searchEdit.text()
        scripts, hits, total = self.results(query)
        lst = self.list
        current = lst.currentItem().data(Qt.ItemDataRole.UserRole) if lst.currentItem() else None
        lst.blockSignals(True)
        # the rows of the last keystroke are reused (new text and data) rather than deleted and
        # made again: the list holds up to 200 and a keystroke re-fills them all
        if not scripts:
            lst.clear()
        else:
            for _ in range(self._notes):  # the note rows of the last keystroke go; its script rows stay
                lst.takeItem(lst.count() - 1)
        self._notes = 0
        while lst.count() > len(scripts):
            lst.takeItem(lst.count() - 1)
        marked = bool(query.strip())
        row = 0
        user, tip = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.ToolTipRole
        kept = lst.count()
        for i, (script, hit) in enumerate(zip(scripts, hits)):
            text = self.row_text(script)
            if i < kept:
                item = lst.item(i)
                item.setText(text)
            else:
                item = QListWidgetItem(text)
            item.setData(user, script.id)
            item.setData(tip, script.replies[0])
            item.setData(HIT_ROLE, hit if marked else None)
            if i >= kept:
                lst.addItem(item)
            if script.id == current:
                row = i
        if total > SHOWN:
            self._note(f"只列出前 {SHOWN} 条（共 {total} 条以上），请输入更多文字缩小范围")
        if not scripts and query.strip():
            from ..library.search import nothing_found

            self._note(nothing_found(query))
        lst.blockSignals(False)
        if scripts:
            lst.setCurrentRow(row)
            self._row_changed(row)
        else:
            self.preview.hide()

    def _note(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(item)
        self._notes += 1

    def marked(self, row: int) -> str | None:
        """Row ``row`` as the list paints it (rich text), None when nothing in it is marked."""
        item = self.list.item(row)
        return row_html(item.text(), item.data(HIT_ROLE), self.highlight) if item is not None else None

    def _tag(self, script: "Script") -> str:
        return "（主动）" if script.agent_initiated else ""

    def row_text(self, script: "Script") -> str:
        star = "★ " if script.id in self.favourites else ""
        service = self.library.service
        assert service is not None, "a script to show means a loaded library"
        lib = service.library
        if self._rows[0] is not lib:
            self._rows = (lib, {})
        rows = self._rows[1]
        text = rows.get(script.id)
        if text is None:
            text = rows[script.id] = f"[{lib.category_label(script.category)}] {script.title}{self._tag(script)}"
        return star + text

    @property
    def shown_ids(self) -> list[str]:
        return [sid for r in range(self.list.count()) if (sid := self.list.item(r).data(Qt.ItemDataRole.UserRole))]

    def starred(self) -> "Favourites":
        return self.favourites

    def refresh_stars(self) -> None:
        if self.preview.script is not None:
            self.preview.set_favourite(self.preview.script.id in self.favourites)
        service = self.library.service
        if service is None or not service.ready:
            return
        for r in range(self.list.count()):
            item = self.list.item(r)
            script = service.library.get(item.data(Qt.ItemDataRole.UserRole) or "")
            if script is not None:
                item.setText(self.row_text(script))

    def set_stars_available(self, on: bool) -> None:
        self.preview.starButton.setVisible(on)

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if obj is self.list and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.copy_current()
                return True
            if obj is self.ui.searchEdit and key == Qt.Key.Key_Down:
                self.list.setFocus()
                if self.list.currentRow() < 0 and self.list.count():
                    self.list.setCurrentRow(0)
                return True
        return super().eventFilter(obj, event)
