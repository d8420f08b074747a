"""The 统计 tab for team leads: filters, totals, a per-category-per-day chart drawn with QPainter
(PySide6-Essentials has no QtCharts) and compact tables. A view only: the window loads the
figures on a worker (UsageController.load_stats) and hands the dict to :meth:`StatsView.show_stats`."""
from __future__ import annotations

import html
from datetime import date, datetime, timedelta, timezone
from typing import Any, Sequence

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QToolTip, QVBoxLayout, QWidget,
)

from . import theme as themes

PERIODS: tuple[tuple[str, int | None], ...] = (("最近 7 天", 7), ("最近 30 天", 30), ("最近 90 天", 90), ("全部", None))
DEFAULT_PERIOD = 1
ALL_AGENTS = "全部客服"
MAX_SERIES = 6  # more categories than this are lumped together as 其他
OTHER = "__other__"
OTHER_COLOUR = "#a0a4ab"
MAX_ROWS = 10
NO_AGENT = "（未填昵称）"


def since_for(days: int | None, today: date | None = None) -> date | None:
    """The first day of "the last N days", today included."""
    if days is None:
        return None
    return (today or date.today()) - timedelta(days=days - 1)


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _seconds(value: float | None) -> str:
    if value is None:
        return "—"
    if value < 60:
        return f"{value:.1f} 秒"
    return f"{value / 60:.1f} 分钟"


class CategoryChart(QWidget):
    """Copies per day, stacked by category (the busiest few; the rest as 其他), with a legend.
    Hovering a bar shows that day's figures."""

    LEGEND_ROW = 18

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("categoryChart")
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.days: list[date] = []
        self.order: list[str] = []  # series, biggest first (stacked from the bottom)
        self.series: dict[str, list[int]] = {}
        self.labels: dict[str, str] = {}
        self.colours: dict[str, str] = {}
        self.palette_: dict[str, str] = themes.PALETTES["light"]

    # -- data ---------------------------------------------------------------------------------
    def set_data(self, rows: Sequence[dict], labels: dict[str, str], *, first: date | None = None, last: date | None = None) -> None:
        by_day: dict[date, dict[str, int]] = {}
        totals: dict[str, int] = {}
        for row in rows:
            day = _day(row.get("day", ""))
            if day is None:
                continue
            cat = row.get("category") or ""
            n = int(row.get("count") or 0)
            by_day.setdefault(day, {})[cat] = by_day.get(day, {}).get(cat, 0) + n
            totals[cat] = totals.get(cat, 0) + n
        if by_day:
            first = min(first or min(by_day), min(by_day))
            last = max(last or max(by_day), max(by_day))
        if first is None or last is None or last < first:
            self.days, self.order, self.series = [], [], {}
            self.update()
            return
        self.days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        ranked = sorted(totals, key=lambda c: (-totals[c], c))
        keep = ranked if len(ranked) <= MAX_SERIES + 1 else ranked[:MAX_SERIES]
        rest = [c for c in ranked if c not in keep]
        self.order = keep + ([OTHER] if rest else [])
        self.series = {c: [0] * len(self.days) for c in self.order}
        index = {d: i for i, d in enumerate(self.days)}
        for day, counts in by_day.items():
            for cat, n in counts.items():
                self.series[cat if cat in keep else OTHER][index[day]] += n
        self.labels = {c: labels.get(c, c) for c in keep}
        self.labels[OTHER] = f"其他 {len(rest)} 类" if rest else "其他"
        self.colours = {c: themes.category_colour(c) for c in keep}
        self.colours[OTHER] = OTHER_COLOUR
        self._fit_height()
        self.update()

    def set_palette(self, palette: dict[str, str]) -> None:
        self.palette_ = palette
        self.update()

    @property
    def has_data(self) -> bool:
        return any(any(v) for v in self.series.values())

    def day_totals(self) -> list[int]:
        return [sum(self.series[c][i] for c in self.order) for i in range(len(self.days))]

    # -- geometry ---------------------------------------------------------------------------------
    def _legend_rows(self, width: int) -> list[list[tuple[str, int]]]:
        fm = QFontMetrics(self.font())
        rows: list[list[tuple[str, int]]] = [[]]
        x = 0
        for cat in self.order:
            w = 14 + fm.horizontalAdvance(self.labels.get(cat, cat)) + 12
            if rows[-1] and x + w > width:
                rows.append([])
                x = 0
            rows[-1].append((cat, w))
            x += w
        return rows if rows[0] else []

    def sizeHint(self) -> QSize:
        return QSize(320, self._height_for(320))

    def _height_for(self, width: int) -> int:
        return 150 + 22 + len(self._legend_rows(max(100, width - 16))) * self.LEGEND_ROW

    def resizeEvent(self, event) -> None:
        wanted = self._height_for(self.width())
        if self.height() != wanted:
            self.setFixedHeight(wanted)
        super().resizeEvent(event)

    def _fit_height(self) -> None:
        self.setFixedHeight(self._height_for(max(self.width(), 100)))

    # -- painting ---------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pal = self.palette_
        text, muted, grid = QColor(pal["text"]), QColor(pal["muted"]), QColor(pal["border"])
        small = self._small_font()
        sfm = QFontMetrics(small)
        w, h = self.width(), self.height()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(grid)
        p.setBrush(QColor(pal["card"]))
        p.drawRoundedRect(QRectF(0.5, 0.5, w - 1, h - 1), 6, 6)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        legend = self._legend_rows(w - 16)
        legend_h = len(legend) * self.LEGEND_ROW
        totals = self.day_totals() if self.days else []
        if not self.has_data:
            p.setPen(muted)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "所选时间内没有复制记录")
            p.end()
            return
        plot, ymax, step, left = self._plot_geometry(totals)
        # grid and y labels
        p.setFont(small)
        for k in range(0, ymax + 1, step):
            y = plot.bottom() - plot.height() * k / ymax
            p.setPen(grid)
            p.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            p.setPen(muted)
            p.drawText(QRectF(0, y - sfm.height() / 2, left - 4, sfm.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(k))
        # bars
        n = len(self.days)
        slot = plot.width() / n
        gap = 1.0 if slot >= 4 else 0.0
        bar_w = max(1.0, min(slot - gap * 2, 28.0))
        for i in range(n):
            x = plot.left() + slot * i + (slot - bar_w) / 2
            y = plot.bottom()
            for cat in self.order:
                v = self.series[cat][i]
                if not v:
                    continue
                hgt = plot.height() * v / ymax
                p.fillRect(QRectF(x, y - hgt, bar_w, hgt), QColor(self.colours[cat]))
                y -= hgt
        # x labels: first, middle and last day
        p.setPen(muted)
        label_y = plot.bottom() + 4
        picks = sorted({0, n // 2, n - 1}) if n > 2 else list(range(n))
        for i in picks:
            s = self.days[i].strftime("%m-%d")
            cx = plot.left() + slot * (i + 0.5)
            tw = sfm.horizontalAdvance(s)
            x = min(max(cx - tw / 2, plot.left()), plot.right() - tw)
            p.drawText(QRectF(x, label_y, tw + 2, sfm.height()), Qt.AlignmentFlag.AlignLeft, s)
        # legend
        p.setFont(self.font())
        y = h - legend_h
        for row in legend:
            x = 8
            for cat, width in row:
                p.fillRect(QRectF(x, y + (self.LEGEND_ROW - 10) / 2, 10, 10), QColor(self.colours[cat]))
                p.setPen(text)
                p.drawText(QRectF(x + 14, y, width - 14, self.LEGEND_ROW), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.labels[cat])
                x += width
            y += self.LEGEND_ROW
        p.end()

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() - 1.5))
        return small

    def _plot_geometry(self, totals: list[int]) -> tuple[QRectF, int, int, float]:
        """The bars' area, the y axis top and grid step, and the left margin (y labels)."""
        sfm = QFontMetrics(self._small_font())
        top_value = max(totals) if totals else 0
        step = _nice_step(top_value)
        ymax = step * max(1, -(-top_value // step))
        legend_h = len(self._legend_rows(self.width() - 16)) * self.LEGEND_ROW
        left = 8 + sfm.horizontalAdvance(str(ymax)) + 4
        plot = QRectF(left, 8, self.width() - left - 6, self.height() - 8 - legend_h - 6 - sfm.height() - 6)
        return plot, ymax, step, left

    def bar_rects(self) -> list[QRectF]:
        """Each day's column (the hover area), left to right."""
        if not self.days:
            return []
        plot = self._plot_geometry(self.day_totals())[0]
        slot = plot.width() / len(self.days)
        return [QRectF(plot.left() + slot * i, plot.top(), slot, plot.height()) for i in range(len(self.days))]

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, pos: QPoint) -> str:
        for i, rect in enumerate(self.bar_rects()):
            if rect.contains(pos.x(), pos.y()):
                parts = [f"{self.days[i].isoformat()}：共 {self.day_totals()[i]} 次"]
                parts += [f"{self.labels[c]} {self.series[c][i]}" for c in self.order if self.series[c][i]]
                return "\n".join(parts)
        return ""


def _nice_step(top: int) -> int:
    """A round grid step giving 2-5 lines up to ``top``."""
    if top <= 4:
        return 1
    raw = top / 4
    magnitude = 10 ** (len(str(int(raw))) - 1)
    for m in (1, 2, 5, 10):
        if m * magnitude >= raw:
            return m * magnitude
    return 10 * magnitude


class StatsView(QWidget):
    """Filters on top, the figures below in a scroll area. ``filtersChanged`` and
    ``refreshRequested`` ask the window to load; :meth:`show_stats` draws a result."""

    refreshRequested = Signal()
    _category_labels: dict[str, str] = {}  # the library's category names, set by show_stats (never mutated)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statsView")
        self.data: dict[str, Any] | None = None
        self.palette_ = themes.PALETTES["light"]
        self._agents: set[str] = set()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 0)
        outer.setSpacing(4)
        bar = QHBoxLayout()
        bar.setSpacing(4)
        self.periodCombo = QComboBox(objectName="periodCombo")
        for label, days in PERIODS:
            self.periodCombo.addItem(label, days)
        self.periodCombo.setCurrentIndex(DEFAULT_PERIOD)
        self.agentCombo = QComboBox(objectName="agentCombo")
        self.agentCombo.addItem(ALL_AGENTS, "")
        self.agentCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.refreshButton = QPushButton("刷新", objectName="refreshButton")
        self.refreshButton.setToolTip("重新读取统计 (F5)")
        bar.addWidget(self.periodCombo, 1)
        bar.addWidget(self.agentCombo, 1)
        bar.addWidget(self.refreshButton)
        outer.addLayout(bar)
        self.statusLabel = QLabel(objectName="statsStatus")
        self.statusLabel.setWordWrap(True)
        outer.addWidget(self.statusLabel)
        # events the database refused, set aside by the recorder (store/recorder.py): hidden at 0
        self.deadLetterLabel = QLabel(objectName="statsDeadLetters")
        self.deadLetterLabel.setWordWrap(True)
        self.deadLetterLabel.setTextFormat(Qt.TextFormat.RichText)
        self.deadLetterLabel.setVisible(False)
        outer.addWidget(self.deadLetterLabel)

        self.area = QScrollArea(objectName="statsArea")
        self.area.setWidgetResizable(True)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        host = QWidget(objectName="statsHost")
        body = QVBoxLayout(host)
        body.setContentsMargins(0, 0, 4, 6)
        body.setSpacing(8)
        tiles = QGridLayout()
        tiles.setSpacing(6)
        self.tiles: dict[str, QLabel] = {}
        for col, (key, caption) in enumerate((("copies", "复制次数"), ("unmatched", "未匹配问题"), ("median", "复制中位用时"))):
            frame = QFrame(objectName="statTile")
            box = QVBoxLayout(frame)
            box.setContentsMargins(6, 5, 6, 5)
            box.setSpacing(0)
            value = QLabel("—", objectName="tileValue")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cap = QLabel(caption, objectName="tileCaption")
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(value)
            box.addWidget(cap)
            tiles.addWidget(frame, 0, col)
            self.tiles[key] = value
        body.addLayout(tiles)
        self.chartTitle = QLabel("每日使用（按分类）", objectName="statsHeading")
        body.addWidget(self.chartTitle)
        self.chart = CategoryChart()
        body.addWidget(self.chart)
        self.sections: dict[str, QLabel] = {}
        for key, heading in (
            ("most_used", "最常用话术"),
            ("least_used", "最少用话术"),
            ("per_category", "各分类使用"),
            ("unmatched", "未匹配的买家问题（话术库缺口）"),
            ("per_agent", "各客服：复制次数与中位用时"),
            ("unused_30d", "30 天无人使用的话术"),
        ):
            title = QLabel(heading, objectName="statsHeading")
            label = QLabel(objectName="statsTable")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            body.addWidget(title)
            body.addWidget(label)
            self.sections[key] = label
        body.addStretch(1)
        self.area.setWidget(host)
        outer.addWidget(self.area, 1)
        self.refreshButton.clicked.connect(self.refreshRequested)
        self.periodCombo.currentIndexChanged.connect(lambda _i: self.refreshRequested.emit())
        self.agentCombo.currentIndexChanged.connect(lambda _i: self.refreshRequested.emit())

    # -- filters ------------------------------------------------------------------------------
    @property
    def days(self) -> int | None:
        return self.periodCombo.currentData()

    @property
    def since(self) -> date | None:
        return since_for(self.days)

    @property
    def agent(self) -> str | None:
        data = self.agentCombo.currentData()
        return None if data in (None, "") and self.agentCombo.currentIndex() == 0 else data

    def set_palette(self, palette: dict[str, str]) -> None:
        self.palette_ = palette
        self.chart.set_palette(palette)
        if self.data is not None:
            self.show_stats(self.data)

    def _remember_agents(self, agents) -> None:
        new = {a for a in agents if a is not None} - self._agents
        if not new:
            return
        self._agents |= new
        current = self.agentCombo.currentIndex()
        chosen = self.agentCombo.currentData() if current > 0 else None
        self.agentCombo.blockSignals(True)
        self.agentCombo.clear()
        self.agentCombo.addItem(ALL_AGENTS, "")
        for a in sorted(self._agents):
            self.agentCombo.addItem(a or NO_AGENT, a)
        self.agentCombo.setCurrentIndex(self.agentCombo.findData(chosen) if chosen is not None else 0)
        self.agentCombo.blockSignals(False)

    # -- states -------------------------------------------------------------------------------
    def show_loading(self) -> None:
        self.statusLabel.setText("正在读取统计…")
        self.statusLabel.setProperty("error", False)
        self._repolish(self.statusLabel)

    def show_error(self, message: str) -> None:
        self.statusLabel.setText(message)
        self.statusLabel.setProperty("error", True)
        self._repolish(self.statusLabel)

    @staticmethod
    def _repolish(w: QWidget) -> None:
        w.style().unpolish(w)
        w.style().polish(w)

    def show_stats(self, data: dict[str, Any], *, db_label: str = "", category_labels: dict[str, str] | None = None) -> None:
        self.data = data
        if category_labels is not None:
            self._category_labels = dict(category_labels)
        self._remember_agents(a["agent"] for a in data.get("per_agent", []))
        when = data.get("generated_at", "")
        try:  # generated_at is naive UTC; the team lead reads local time
            stamp = datetime.fromisoformat(when).replace(tzinfo=timezone.utc).astimezone().strftime("%H:%M:%S")
        except ValueError:
            stamp = when
        elapsed = data.get("elapsed_s")
        took = f"，用时 {elapsed * 1000:.0f} ms" if elapsed is not None else ""
        self.statusLabel.setText(f"更新于 {stamp}{took}")
        self.statusLabel.setToolTip(f"数据库：{db_label}" if db_label else "")
        self.statusLabel.setProperty("error", False)
        self._repolish(self.statusLabel)

        self._show_dead_letters(data.get("dead_letters") or {})
        self.tiles["copies"].setText(str(data.get("total_copies", 0)))
        self.tiles["unmatched"].setText(str(data.get("total_unmatched", 0)))
        self.tiles["median"].setText(_seconds((data.get("median_seconds") or {}).get("overall")))
        labels = {**self._category_labels, **{c["category"]: c.get("label") or c["category"] for c in data.get("per_category", [])}}
        days = self.days
        first = since_for(days) if days else None
        self.chart.set_data(data.get("per_day_category", []), labels, first=first, last=date.today() if days else None)
        self.sections["most_used"].setText(self._script_table(data.get("most_used", []), labels, empty="还没有复制记录"))
        self.sections["least_used"].setText(self._script_table(data.get("least_used", []), labels, empty="没有话术"))
        self.sections["per_category"].setText(self._category_table(data.get("per_category", []), data.get("total_copies", 0)))
        self.sections["unmatched"].setText(self._unmatched_table(data.get("unmatched", [])))
        self.sections["per_agent"].setText(self._agent_table(data.get("per_agent", [])))
        self.sections["unused_30d"].setText(self._unused_table(data.get("unused_30d", []), labels))

    def _show_dead_letters(self, dead: dict[str, Any]) -> None:
        count = int(dead.get("count") or 0)
        files = [str(f) for f in dead.get("files") or []]
        self.deadLetterLabel.setVisible(count > 0)
        if count:
            self.deadLetterLabel.setText(
                f'<span style="color:{self.palette_["warn"]}">⚠ {count} 条使用记录被数据库拒收，已另存在本机'
                f"（不影响其他记录）：{html.escape('；'.join(files))}</span>"
            )
        self.deadLetterLabel.setToolTip("\n".join(files))

    # -- tables (Qt rich text) -------------------------------------------------------------------
    def _table(self, rows: list[str], *, empty: str, more: int = 0) -> str:
        if not rows:
            return f'<span style="color:{self.palette_["muted"]}">{html.escape(empty)}</span>'
        tail = f'<tr><td colspan="3" style="color:{self.palette_["muted"]}">…还有 {more} 条</td></tr>' if more > 0 else ""
        return '<table width="100%" cellspacing="0" cellpadding="2">' + "".join(rows) + tail + "</table>"

    def _dot(self, category: str) -> str:
        return f'<span style="color:{themes.category_colour(category)}">■</span>'

    def _num(self, value, *, bold: bool = False) -> str:
        text = html.escape(str(value))
        return f'<td align="right" style="white-space:nowrap">{"<b>" + text + "</b>" if bold else text}</td>'

    def _script_table(self, items: list[dict], labels: dict[str, str], *, empty: str) -> str:
        rows = []
        muted = self.palette_["muted"]
        for u in items[:MAX_ROWS]:
            name = html.escape(u.get("title") or u["script_id"])
            cat = html.escape(labels.get(u.get("category") or "", u.get("category") or ""))
            count = u.get("count", 0)
            rows.append(
                f"<tr><td>{self._dot(u.get('category') or '')} {name} <span style=\"color:{muted}\">{cat}</span></td>"
                + self._num(count if count else "未用", bold=bool(count)) + "</tr>"
            )
        return self._table(rows, empty=empty)

    def _category_table(self, items: list[dict], total: int) -> str:
        rows = []
        muted = self.palette_["muted"]
        for c in items:
            share = f"{c['count'] * 100 / total:.0f}%" if total else ""
            rows.append(
                f"<tr><td>{self._dot(c['category'])} {html.escape(c.get('label') or c['category'])}</td>"
                f'<td align="right" style="color:{muted}">{share}</td>' + self._num(c["count"], bold=True) + "</tr>"
            )
        return self._table(rows, empty="还没有复制记录")

    def _unmatched_table(self, items: list[dict]) -> str:
        rows = []
        muted = self.palette_["muted"]
        for u in items[:MAX_ROWS]:
            agents = u.get("agents") or 0
            who = f'<span style="color:{muted}">（{agents} 位客服）</span>' if agents > 1 else ""
            rows.append(f"<tr><td>{html.escape(u['question'])}{who}</td>" + self._num(f"{u['count']} 次", bold=True) + "</tr>")
        return self._table(rows, empty="没有未匹配的问题", more=len(items) - MAX_ROWS)

    def _agent_table(self, items: list[dict]) -> str:
        muted = self.palette_["muted"]
        rows = [
            f'<tr><td style="color:{muted}">客服</td><td align="right" style="color:{muted}">复制</td>'
            f'<td align="right" style="color:{muted}">未匹配</td><td align="right" style="color:{muted}">中位用时</td></tr>'
        ] if items else []
        for a in items:
            rows.append(
                f"<tr><td>{html.escape(a['agent'] or NO_AGENT)}</td>" + self._num(a["copies"], bold=True)
                + self._num(a["unmatched"]) + self._num(_seconds(a.get("median_seconds"))) + "</tr>"
            )
        return self._table(rows, empty="还没有记录")

    def _unused_table(self, items: list[dict], labels: dict[str, str]) -> str:
        rows = []
        muted = self.palette_["muted"]
        for u in items[:MAX_ROWS]:
            name = html.escape(u.get("title") or u["script_id"])
            last = (u.get("last_used") or "")[:10] or "从未使用"
            rows.append(f"<tr><td>{self._dot(u.get('category') or '')} {name}</td><td align=\"right\" style=\"color:{muted}; white-space:nowrap\">{last}</td></tr>")
        return self._table(rows, empty="每条话术 30 天内都有人用过", more=len(items) - MAX_ROWS)
