"""The 统计 tab's chart: copies per day stacked by category, drawn with QPainter (PySide6-Essentials
has no QtCharts), with a legend and a tooltip per bar. Split from stats_view to keep each module
short; the view owns it."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from . import theme as themes

MAX_SERIES = 6  # more categories than this are lumped together as 其他
OTHER = "__other__"
OTHER_COLOUR = "#a0a4ab"


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None



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

    def resizeEvent(self, event: QResizeEvent) -> None:
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
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
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


UPSET_COLOUR = "#d93025"


class UpsetChart(QWidget):
    """The share of upset buyer messages per day (``stats()['upset_share_by_day']``): one bar a
    day, 0–100 %, with the day's figures as a tooltip. A day without recorded moods is an empty
    slot, so the days stay evenly spaced."""

    HEIGHT = 120

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("upsetChart")
        self.setFixedHeight(self.HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.rows: list[tuple[date, int, int, float]] = []  # day, messages, upset, share
        self.palette_: dict[str, str] = themes.PALETTES["light"]

    def set_data(self, rows: Sequence[dict]) -> None:
        out = []
        for row in rows:
            day = _day(row.get("day", ""))
            if day is None:
                continue
            messages = int(row.get("messages") or 0)
            upset = int(row.get("upset") or 0)
            given = row.get("share")
            share = float(given) if given is not None else (upset / messages if messages else 0.0)
            out.append((day, messages, upset, min(max(share, 0.0), 1.0)))
        by_day = {r[0]: r for r in out}
        if by_day:  # one slot a day from the first to the last, a day without messages empty
            first, last = min(by_day), max(by_day)
            span = (last - first).days + 1
            out = [by_day.get(d, (d, 0, 0, 0.0)) for d in (first + timedelta(days=i) for i in range(span))]
        self.rows = out
        self.update()

    def set_palette(self, palette: dict[str, str]) -> None:
        self.palette_ = palette
        self.update()

    @property
    def has_data(self) -> bool:
        return any(m for _d, m, _u, _s in self.rows)

    @property
    def shares(self) -> list[float]:
        return [s for _d, _m, _u, s in self.rows]

    def _plot(self) -> QRectF:
        fm = QFontMetrics(self.font())
        left = fm.horizontalAdvance("100%") + 8
        return QRectF(left, 8, max(10.0, self.width() - left - 8), max(10.0, self.height() - 16 - fm.height()))

    def bar_rects(self) -> list[QRectF]:
        if not self.rows:
            return []
        plot = self._plot()
        slot = plot.width() / len(self.rows)
        bar_w = max(1.0, min(slot - 2, 28.0))
        return [QRectF(plot.left() + slot * i + (slot - bar_w) / 2, plot.bottom() - plot.height() * s, bar_w, plot.height() * s)
                for i, (_d, _m, _u, s) in enumerate(self.rows)]

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self.palette_
        muted, grid = QColor(pal["muted"]), QColor(pal["border"])
        p.setPen(grid)
        p.setBrush(QColor(pal["card"]))
        p.drawRoundedRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1), 6, 6)
        if not self.has_data:
            p.setPen(muted)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "所选时间内没有记录买家情绪")
            p.end()
            return
        plot = self._plot()
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() - 1.5))
        p.setFont(small)
        fm = QFontMetrics(small)
        for k in (0.0, 0.5, 1.0):
            y = plot.bottom() - plot.height() * k
            p.setPen(grid)
            p.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            p.setPen(muted)
            p.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 4, fm.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{k:.0%}")
        for rect in self.bar_rects():
            p.fillRect(rect, QColor(UPSET_COLOUR))
        n = len(self.rows)
        slot = plot.width() / n
        p.setPen(muted)
        for i in sorted({0, n - 1}):
            s = self.rows[i][0].strftime("%m-%d")
            tw = fm.horizontalAdvance(s)
            x = min(max(plot.left() + slot * (i + 0.5) - tw / 2, plot.left()), plot.right() - tw)
            p.drawText(QRectF(x, plot.bottom() + 2, tw + 2, fm.height()), Qt.AlignmentFlag.AlignLeft, s)
        p.end()

    def tooltip_at(self, pos: QPoint) -> str:
        plot = self._plot()
        if not self.rows or not plot.left() <= pos.x() <= plot.right():
            return ""
        i = min(len(self.rows) - 1, int((pos.x() - plot.left()) / (plot.width() / len(self.rows))))
        day, messages, upset, share = self.rows[i]
        return f"{day:%m-%d}：{messages} 条消息，{upset} 条情绪激动（{share:.0%}）"

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            tip = self.tooltip_at(event.pos())  # type: ignore[attr-defined]
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
