"""One copy path for every tab: render -> placeholder form (when a value is missing) -> reply
check -> clipboard -> usage event -> toast. The rendered reply, placeholder-form values included,
is checked against the reply rules: a ``block`` finding (the shop loses points or money) asks the
agent before anything is copied; ``warn`` findings copy with an amber toast. Suggestions, 浏览全部 and 常用 all hand it a ``CopyRequest``."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Signal

from .copy_request import BROWSE as BROWSE  # the request types, re-exported for the flow's callers
from .copy_request import SUGGEST as SUGGEST
from .copy_request import USUAL as USUAL
from .copy_request import CopyRequest as CopyRequest
from .widgets import PlaceholderForm

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from .clipboard import ClipboardWatcher
    from .compiled.main_window_ui import Ui_SidebarView
    from .library_ctl import LibraryController


class CopyFlow(QObject):
    copied = Signal(str, str)  # script id, the text put on the clipboard
    formClosed = Signal(str)  # the request's source: where the keyboard goes back to
    toastRequested = Signal(str, bool)  # text, warn
    learned = Signal()  # a copy that teaches the matcher (CopyEvent.learn) went to the recorder

    def __init__(self, ui: "Ui_SidebarView", library: "LibraryController", clipboard: "ClipboardWatcher", parent: QObject | None = None,
                 *, context: "Callable[[], tuple[str, float | None]] | None" = None):
        super().__init__(parent)
        self.library = library
        # the message on 推荐话术 and seconds since it arrived: a script found in 浏览全部 right
        # after a message answers it (a learned example, see service.CopyEvent.learn)
        self.context = context
        self.clipboard = clipboard
        self.form = PlaceholderForm()
        ui.formLayout.addWidget(self.form)
        self.form.accepted.connect(self._form_accepted)
        self.form.cancelled.connect(self._form_cancelled)
        self._pending: CopyRequest | None = None
        self.confirmBox: "QMessageBox | None" = None  # the open "仍要复制吗" question, if any

    def request(self, req: CopyRequest) -> None:
        service = self.library.service
        if service is None or not service.ready:
            return
        rendered = service.render(req.script.id, req.variant)
        if rendered.missing:
            self._pending = req
            self.form.ask(req.script.title, rendered.missing)
            return
        self.checked_finish(req, rendered.text)

    def cancel(self) -> None:
        """The message was cleared: a form still asking for values belongs to nothing now."""
        self.form.hide()
        self._pending = None

    def _form_accepted(self, values: dict) -> None:
        req, self._pending = self._pending, None
        service = self.library.service
        if req is None or service is None:
            return
        text = service.render(req.script.id, req.variant, values).text
        if not self.checked_finish(req, text, values):
            return  # the form stays open: the agent can fix the values they typed
        self.formClosed.emit(req.source)

    def _form_cancelled(self) -> None:
        req, self._pending = self._pending, None
        self.formClosed.emit(req.source if req else SUGGEST)

    def checked_finish(self, req: CopyRequest, text: str, values: dict | None = None) -> bool:
        """Copy ``text`` unless it breaks a ``block`` rule: then ask first (False: the copy waits
        for the answer; a form it came from is shown again with the values kept)."""
        service = self.library.service
        findings = list(service.check_reply(text)) if service is not None else []
        blocks = [f for f in findings if f.blocking]
        if not blocks:
            self.finish(req, text)
            if findings:
                self.toastRequested.emit(f"已复制，{len(findings)} 处提醒：" + "；".join(f.message for f in findings[:2]), True)
            return True
        self._ask_block(req, text, blocks, values)
        return False

    def _ask_block(self, req: CopyRequest, text: str, blocks: list, values: dict | None) -> None:
        from PySide6.QtWidgets import QMessageBox

        parent = self.form.window()
        lines = "\n".join(f"· 「{f.text}」{f.message}" + (f"（建议：{f.suggestion}）" if f.suggestion else "") for f in blocks)
        box = QMessageBox(QMessageBox.Icon.Warning, "回复会被扣分", f"这条回复有 {len(blocks)} 处会被扣分的内容：\n{lines}\n\n仍要复制吗？", parent=parent)
        box.setObjectName("blockConfirm")
        copy = box.addButton("仍然复制", QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton("不复制，去修改" if values is not None else "不复制", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        self.confirmBox = box

        def done(_result: int) -> None:
            self.confirmBox = None
            box.deleteLater()
            if box.clickedButton() is copy:
                self.finish(req, text)
                if values is not None:
                    self.formClosed.emit(req.source)
                return
            self.toastRequested.emit("没有复制：回复里有会扣分的内容", True)
            if values is not None:  # back to the form with what was typed, to fix it
                self._pending = req
                self.form.show()
                edit = next(iter(self.form.fields.values()), None)
                if edit is not None:
                    edit.setFocus()

        box.finished.connect(done)
        box.open()

    def finish(self, req: CopyRequest, text: str) -> None:
        from ..service import CopyEvent

        self.clipboard.copy(text)
        self.toastRequested.emit("已复制", False)
        service = self.library.service
        event = None
        if service is not None:
            script = req.script
            question, seconds = req.question, req.seconds
            if req.source == BROWSE and self.context is not None:
                question, seconds = self.context()
            elif req.rank is None:  # 常用: a favourite is no answer to the message
                question, seconds = "", None
            event = CopyEvent(
                script_id=script.id,
                category=script.category,
                variant=req.variant,
                rank=req.rank,
                score=req.score,
                question=question,
                seconds_to_copy=seconds,
                confident=req.confident,
            )
            service.copied(event)
        self.copied.emit(req.script.id, text)
        if event is not None and event.learn:
            self.learned.emit()
