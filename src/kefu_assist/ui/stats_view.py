"""The 统计 tab for team leads: filters, totals, a per-category-per-day chart drawn with QPainter
(PySide6-Essentials has no QtCharts) and compact tables. A view only: the window loads the
figures on a worker (UsageController.load_stats) and hands the dict to :meth:`StatsView.show_stats`."""
from __future__ import annotations

import html
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from . import theme as themes
from .stats_chart import CategoryChart, UpsetChart

PERIODS: tuple[tuple[str, int | None], ...] = (("最近 7 天", 7), ("最近 30 天", 30), ("最近 90 天", 90), ("全部", None))
DEFAULT_PERIOD = 1
ALL_AGENTS = "全部客服"
MAX_ROWS = 10
NO_AGENT = "（未填昵称）"


def since_for(days: int | None, today: date | None = None) -> date | None:
    """The first day of "the last N days", today included."""
    if days is None:
        return None
    return (today or date.today()) - timedelta(days=days - 1)


def _seconds(value: float | None) -> str:
    if value is None:
        return "—"
    if value < 60:
        return f"{value:.1f} 秒"
    return f"{value / 60:.1f} 分钟"


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
        self.periodCombo = QComboBox(objectName="periodCombo")  # type: ignore[call-arg]  # stubs omit inherited objectName=
        for label, days in PERIODS:
            self.periodCombo.addItem(label, days)
        self.periodCombo.setCurrentIndex(DEFAULT_PERIOD)
        self.agentCombo = QComboBox(objectName="agentCombo")  # type: ignore[call-arg]  # stubs omit inherited objectName=
        self.agentCombo.addItem(ALL_AGENTS, "")
        self.agentCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.refreshButton = QPushButton("刷新", objectName="refreshButton")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.refreshButton.setToolTip("重新读取统计 (F5)")
        bar.addWidget(self.periodCombo, 1)
        bar.addWidget(self.agentCombo, 1)
        bar.addWidget(self.refreshButton)
        outer.addLayout(bar)
        self.statusLabel = QLabel(objectName="statsStatus")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.statusLabel.setWordWrap(True)
        outer.addWidget(self.statusLabel)
        # events the database refused, set aside by the recorder (store/recorder.py): hidden at 0
        self.deadLetterLabel = QLabel(objectName="statsDeadLetters")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        self.deadLetterLabel.setWordWrap(True)
        self.deadLetterLabel.setTextFormat(Qt.TextFormat.RichText)
        self.deadLetterLabel.setVisible(False)
        outer.addWidget(self.deadLetterLabel)

        self.area = QScrollArea(objectName="statsArea")  # type: ignore[call-arg]  # stubs omit inherited objectName=
        self.area.setWidgetResizable(True)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        host = QWidget(objectName="statsHost")  # type: ignore[call-arg]  # stubs omit inherited objectName=
        body = QVBoxLayout(host)
        body.setContentsMargins(0, 0, 4, 6)
        body.setSpacing(8)
        tiles = QGridLayout()
        tiles.setSpacing(6)
        self.tiles: dict[str, QLabel] = {}
        for col, (key, caption) in enumerate((("copies", "复制次数"), ("unmatched", "未匹配问题"), ("median", "复制中位用时"))):
            frame = QFrame(objectName="statTile")  # type: ignore[call-arg]  # stubs omit inherited objectName=
            box = QVBoxLayout(frame)
            box.setContentsMargins(6, 5, 6, 5)
            box.setSpacing(0)
            value = QLabel("—", objectName="tileValue")  # type: ignore[call-overload]  # stubs omit inherited objectName=
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cap = QLabel(caption, objectName="tileCaption")  # type: ignore[call-overload]  # stubs omit inherited objectName=
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(value)
            box.addWidget(cap)
            tiles.addWidget(frame, 0, col)
            self.tiles[key] = value
        body.addLayout(tiles)
        self.chartTitle = QLabel("每日使用（按分类）", objectName="statsHeading")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        body.addWidget(self.chartTitle)
        self.chart = CategoryChart()
        body.addWidget(self.chart)
        self.upsetTitle = QLabel("买家情绪激动的消息占比（每天）", objectName="statsHeading")  # type: ignore[call-overload]  # stubs omit inherited objectName=
        body.addWidget(self.upsetTitle)
        self.upsetChart = UpsetChart()
        body.addWidget(self.upsetChart)
        self.sections: dict[str, QLabel] = {}
        for key, heading in (
            ("most_used", "最常用话术"),
            ("least_used", "最少用话术"),
            ("per_category", "各分类使用"),
            ("unmatched", "未匹配的买家问题（话术库缺口）"),
            ("per_agent", "各客服：复制次数与中位用时"),
            ("unused_30d", "30 天无人使用的话术"),
        ):
            title = QLabel(heading, objectName="statsHeading")  # type: ignore[call-overload]  # stubs omit inherited objectName=
            label = QLabel(objectName="statsTable")  # type: ignore[call-overload]  # stubs omit inherited objectName=
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
        self.upsetChart.set_palette(palette)
        if self.data is not None:
            self.show_stats(self.data)

    def _remember_agents(self, agents: Iterable[str | None]) -> None:
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
        self.upsetChart.set_data(data.get("upset_share_by_day", []))
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

    def _num(self, value: object, *, bold: bool = False) -> str:
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
