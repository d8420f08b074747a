# Compiled from resources/ui/editor_window.ui by scripts/compile_ui.py; do not edit.
UI_SHA256 = "633713d0281b65320a21d920539f8c842c166930883af39fe6260e723a1726b3"

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'editor_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QTabWidget, QToolButton, QTreeWidget, QVBoxLayout, QWidget

class Ui_EditorView(object):
    def setupUi(self, EditorView):
        if not EditorView.objectName():
            EditorView.setObjectName(u"EditorView")
        EditorView.resize(1100, 780)
        self.rootLayout = QVBoxLayout(EditorView)
        self.rootLayout.setSpacing(6)
        self.rootLayout.setObjectName(u"rootLayout")
        self.rootLayout.setContentsMargins(8, 6, 8, 6)
        self.banner = QFrame(EditorView)
        self.banner.setObjectName(u"banner")
        self.bannerLayout = QVBoxLayout(self.banner)
        self.bannerLayout.setSpacing(4)
        self.bannerLayout.setObjectName(u"bannerLayout")
        self.bannerLayout.setContentsMargins(8, 6, 8, 6)
        self.bannerHead = QHBoxLayout()
        self.bannerHead.setObjectName(u"bannerHead")
        self.bannerLabel = QLabel(self.banner)
        self.bannerLabel.setObjectName(u"bannerLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.bannerLabel.sizePolicy().hasHeightForWidth())
        self.bannerLabel.setSizePolicy(sizePolicy)
        self.bannerLabel.setWordWrap(True)
        self.bannerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.bannerHead.addWidget(self.bannerLabel)

        self.bannerCloseButton = QToolButton(self.banner)
        self.bannerCloseButton.setObjectName(u"bannerCloseButton")

        self.bannerHead.addWidget(self.bannerCloseButton, 0, Qt.AlignmentFlag.AlignTop)


        self.bannerLayout.addLayout(self.bannerHead)

        self.bannerDetails = QPlainTextEdit(self.banner)
        self.bannerDetails.setObjectName(u"bannerDetails")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.bannerDetails.sizePolicy().hasHeightForWidth())
        self.bannerDetails.setSizePolicy(sizePolicy1)
        self.bannerDetails.setMinimumSize(QSize(0, 110))
        self.bannerDetails.setMaximumSize(QSize(16777215, 110))
        self.bannerDetails.setReadOnly(True)

        self.bannerLayout.addWidget(self.bannerDetails)


        self.rootLayout.addWidget(self.banner)

        self.tabs = QTabWidget(EditorView)
        self.tabs.setObjectName(u"tabs")
        self.editorPage = QWidget()
        self.editorPage.setObjectName(u"editorPage")
        self.editorLayout = QHBoxLayout(self.editorPage)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(0, 6, 0, 0)
        self.splitter = QSplitter(self.editorPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.listPanel = QWidget(self.splitter)
        self.listPanel.setObjectName(u"listPanel")
        self.listLayout = QVBoxLayout(self.listPanel)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 4, 0)
        self.categoryFilter = QComboBox(self.listPanel)
        self.categoryFilter.setObjectName(u"categoryFilter")

        self.listLayout.addWidget(self.categoryFilter)

        self.searchEdit = QLineEdit(self.listPanel)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.listLayout.addWidget(self.searchEdit)

        self.scriptTree = QTreeWidget(self.listPanel)
        self.scriptTree.setObjectName(u"scriptTree")
        self.scriptTree.setHeaderHidden(True)
        self.scriptTree.setUniformRowHeights(True)

        self.listLayout.addWidget(self.scriptTree)

        self.searchNote = QLabel(self.listPanel)
        self.searchNote.setObjectName(u"searchNote")
        self.searchNote.setWordWrap(True)

        self.listLayout.addWidget(self.searchNote)

        self.listButtons = QHBoxLayout()
        self.listButtons.setObjectName(u"listButtons")
        self.addButton = QPushButton(self.listPanel)
        self.addButton.setObjectName(u"addButton")

        self.listButtons.addWidget(self.addButton)

        self.deleteButton = QPushButton(self.listPanel)
        self.deleteButton.setObjectName(u"deleteButton")

        self.listButtons.addWidget(self.deleteButton)


        self.listLayout.addLayout(self.listButtons)

        self.qianniuButtons = QHBoxLayout()
        self.qianniuButtons.setObjectName(u"qianniuButtons")
        self.importButton = QPushButton(self.listPanel)
        self.importButton.setObjectName(u"importButton")

        self.qianniuButtons.addWidget(self.importButton)

        self.exportButton = QPushButton(self.listPanel)
        self.exportButton.setObjectName(u"exportButton")

        self.qianniuButtons.addWidget(self.exportButton)


        self.listLayout.addLayout(self.qianniuButtons)

        self.splitter.addWidget(self.listPanel)
        self.formSide = QWidget(self.splitter)
        self.formSide.setObjectName(u"formSide")
        self.formSideLayout = QVBoxLayout(self.formSide)
        self.formSideLayout.setObjectName(u"formSideLayout")
        self.formSideLayout.setContentsMargins(4, 0, 0, 0)
        self.formScroll = QScrollArea(self.formSide)
        self.formScroll.setObjectName(u"formScroll")
        self.formScroll.setWidgetResizable(True)
        self.formPanel = QWidget()
        self.formPanel.setObjectName(u"formPanel")
        self.formPanelLayout = QVBoxLayout(self.formPanel)
        self.formPanelLayout.setObjectName(u"formPanelLayout")
        self.formPanelLayout.setContentsMargins(4, 0, 8, 0)
        self.fileLabel = QLabel(self.formPanel)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setWordWrap(True)

        self.formPanelLayout.addWidget(self.fileLabel)

        self.formGrid = QFormLayout()
        self.formGrid.setObjectName(u"formGrid")
        self.formGrid.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.scriptTitleLabel = QLabel(self.formPanel)
        self.scriptTitleLabel.setObjectName(u"scriptTitleLabel")

        self.formGrid.setWidget(0, QFormLayout.ItemRole.LabelRole, self.scriptTitleLabel)

        self.titleEdit = QLineEdit(self.formPanel)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formGrid.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.categoryLabel = QLabel(self.formPanel)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.formGrid.setWidget(1, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(self.formPanel)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.formGrid.setWidget(1, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.idLabel = QLabel(self.formPanel)
        self.idLabel.setObjectName(u"idLabel")

        self.formGrid.setWidget(2, QFormLayout.ItemRole.LabelRole, self.idLabel)

        self.idEdit = QLineEdit(self.formPanel)
        self.idEdit.setObjectName(u"idEdit")

        self.formGrid.setWidget(2, QFormLayout.ItemRole.FieldRole, self.idEdit)

        self.codeLabel = QLabel(self.formPanel)
        self.codeLabel.setObjectName(u"codeLabel")

        self.formGrid.setWidget(3, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(self.formPanel)
        self.codeEdit.setObjectName(u"codeEdit")

        self.formGrid.setWidget(3, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.toneLabel = QLabel(self.formPanel)
        self.toneLabel.setObjectName(u"toneLabel")

        self.formGrid.setWidget(4, QFormLayout.ItemRole.LabelRole, self.toneLabel)

        self.toneCombo = QComboBox(self.formPanel)
        self.toneCombo.setObjectName(u"toneCombo")

        self.formGrid.setWidget(4, QFormLayout.ItemRole.FieldRole, self.toneCombo)

        self.examplesLabel = QLabel(self.formPanel)
        self.examplesLabel.setObjectName(u"examplesLabel")

        self.formGrid.setWidget(5, QFormLayout.ItemRole.LabelRole, self.examplesLabel)

        self.examplesEdit = QPlainTextEdit(self.formPanel)
        self.examplesEdit.setObjectName(u"examplesEdit")
        self.examplesEdit.setMinimumSize(QSize(0, 80))
        self.examplesEdit.setMaximumSize(QSize(16777215, 110))
        self.examplesEdit.setTabChangesFocus(True)

        self.formGrid.setWidget(5, QFormLayout.ItemRole.FieldRole, self.examplesEdit)

        self.keywordsLabel = QLabel(self.formPanel)
        self.keywordsLabel.setObjectName(u"keywordsLabel")

        self.formGrid.setWidget(6, QFormLayout.ItemRole.LabelRole, self.keywordsLabel)

        self.keywordsEdit = QLineEdit(self.formPanel)
        self.keywordsEdit.setObjectName(u"keywordsEdit")

        self.formGrid.setWidget(6, QFormLayout.ItemRole.FieldRole, self.keywordsEdit)


        self.formPanelLayout.addLayout(self.formGrid)

        self.repliesHeader = QHBoxLayout()
        self.repliesHeader.setObjectName(u"repliesHeader")
        self.repliesLabel = QLabel(self.formPanel)
        self.repliesLabel.setObjectName(u"repliesLabel")

        self.repliesHeader.addWidget(self.repliesLabel)

        self.repliesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.repliesHeader.addItem(self.repliesSpacer)

        self.addReplyButton = QPushButton(self.formPanel)
        self.addReplyButton.setObjectName(u"addReplyButton")

        self.repliesHeader.addWidget(self.addReplyButton)

        self.removeReplyButton = QPushButton(self.formPanel)
        self.removeReplyButton.setObjectName(u"removeReplyButton")

        self.repliesHeader.addWidget(self.removeReplyButton)


        self.formPanelLayout.addLayout(self.repliesHeader)

        self.replyTabs = QTabWidget(self.formPanel)
        self.replyTabs.setObjectName(u"replyTabs")
        self.replyTabs.setMinimumSize(QSize(0, 120))
        self.replyTabs.setMaximumSize(QSize(16777215, 115))

        self.formPanelLayout.addWidget(self.replyTabs)

        self.findingsLabel = QLabel(self.formPanel)
        self.findingsLabel.setObjectName(u"findingsLabel")
        self.findingsLabel.setWordWrap(True)
        self.findingsLabel.setTextFormat(Qt.TextFormat.RichText)

        self.formPanelLayout.addWidget(self.findingsLabel)

        self.formScroll.setWidget(self.formPanel)

        self.formSideLayout.addWidget(self.formScroll)

        self.checkRow = QHBoxLayout()
        self.checkRow.setObjectName(u"checkRow")
        self.lintBox = QGroupBox(self.formSide)
        self.lintBox.setObjectName(u"lintBox")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy2.setHorizontalStretch(1)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.lintBox.sizePolicy().hasHeightForWidth())
        self.lintBox.setSizePolicy(sizePolicy2)
        self.lintLayout = QVBoxLayout(self.lintBox)
        self.lintLayout.setObjectName(u"lintLayout")
        self.lintTitle = QLabel(self.lintBox)
        self.lintTitle.setObjectName(u"lintTitle")

        self.lintLayout.addWidget(self.lintTitle)

        self.lintList = QListWidget(self.lintBox)
        self.lintList.setObjectName(u"lintList")
        self.lintList.setMinimumSize(QSize(0, 90))
        self.lintList.setMaximumSize(QSize(16777215, 150))
        self.lintList.setWordWrap(True)

        self.lintLayout.addWidget(self.lintList)


        self.checkRow.addWidget(self.lintBox)

        self.tryBox = QGroupBox(self.formSide)
        self.tryBox.setObjectName(u"tryBox")
        sizePolicy2.setHeightForWidth(self.tryBox.sizePolicy().hasHeightForWidth())
        self.tryBox.setSizePolicy(sizePolicy2)
        self.tryLayout = QVBoxLayout(self.tryBox)
        self.tryLayout.setObjectName(u"tryLayout")
        self.tryRow = QHBoxLayout()
        self.tryRow.setObjectName(u"tryRow")
        self.tryEdit = QLineEdit(self.tryBox)
        self.tryEdit.setObjectName(u"tryEdit")

        self.tryRow.addWidget(self.tryEdit)

        self.tryButton = QPushButton(self.tryBox)
        self.tryButton.setObjectName(u"tryButton")

        self.tryRow.addWidget(self.tryButton)


        self.tryLayout.addLayout(self.tryRow)

        self.tryStatus = QLabel(self.tryBox)
        self.tryStatus.setObjectName(u"tryStatus")
        self.tryStatus.setWordWrap(True)

        self.tryLayout.addWidget(self.tryStatus)

        self.tryResults = QListWidget(self.tryBox)
        self.tryResults.setObjectName(u"tryResults")
        self.tryResults.setMinimumSize(QSize(0, 60))
        self.tryResults.setMaximumSize(QSize(16777215, 120))

        self.tryLayout.addWidget(self.tryResults)


        self.checkRow.addWidget(self.tryBox)


        self.formSideLayout.addLayout(self.checkRow)

        self.saveRow = QHBoxLayout()
        self.saveRow.setObjectName(u"saveRow")
        self.stateLabel = QLabel(self.formSide)
        self.stateLabel.setObjectName(u"stateLabel")
        sizePolicy.setHeightForWidth(self.stateLabel.sizePolicy().hasHeightForWidth())
        self.stateLabel.setSizePolicy(sizePolicy)

        self.saveRow.addWidget(self.stateLabel)

        self.revertButton = QPushButton(self.formSide)
        self.revertButton.setObjectName(u"revertButton")

        self.saveRow.addWidget(self.revertButton)

        self.saveButton = QPushButton(self.formSide)
        self.saveButton.setObjectName(u"saveButton")

        self.saveRow.addWidget(self.saveButton)


        self.formSideLayout.addLayout(self.saveRow)

        self.formSideLayout.setStretch(0, 1)
        self.splitter.addWidget(self.formSide)

        self.editorLayout.addWidget(self.splitter)

        self.tabs.addTab(self.editorPage, "")

        self.rootLayout.addWidget(self.tabs)


        self.retranslateUi(EditorView)

        self.tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, EditorView):
        self.bannerCloseButton.setText(QCoreApplication.translate("EditorView", u"\u2715", None))
#if QT_CONFIG(tooltip)
        self.bannerCloseButton.setToolTip(QCoreApplication.translate("EditorView", u"\u5173\u95ed\u63d0\u793a", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.categoryFilter.setToolTip(QCoreApplication.translate("EditorView", u"\u53ea\u770b\u4e00\u4e2a\u5206\u7c7b\u7684\u8bdd\u672f", None))
#endif // QT_CONFIG(tooltip)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("EditorView", u"\u641c\u7d22\uff1a\u6807\u9898\u3001\u5feb\u6377\u7f16\u7801\u3001\u62fc\u97f3\u6216\u9996\u5b57\u6bcd", None))
        ___qtreewidgetitem = self.scriptTree.headerItem()
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("EditorView", u"\u8bdd\u672f", None))
        self.addButton.setText(QCoreApplication.translate("EditorView", u"\u65b0\u5efa\u8bdd\u672f", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("EditorView", u"\u5728\u5f53\u524d\u5206\u7c7b\u91cc\u65b0\u5efa\u4e00\u6761\u8bdd\u672f (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("EditorView", u"\u5220\u9664", None))
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(QCoreApplication.translate("EditorView", u"\u5220\u9664\u9009\u4e2d\u7684\u8bdd\u672f\uff08\u4f1a\u5148\u786e\u8ba4\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("EditorView", u"\u5bfc\u5165\u5343\u725b\u77ed\u8bed\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("EditorView", u"\u628a\u5343\u725b\u5bfc\u51fa\u7684\u5feb\u6377\u77ed\u8bed CSV \u53d8\u6210\u8bdd\u672f\u5e93\u91cc\u7684\u4e00\u4e2a\u65b0\u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("EditorView", u"\u5bfc\u51fa\u5343\u725b\u77ed\u8bed\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("EditorView", u"\u628a\u8bdd\u672f\u5e93\u5199\u6210\u5343\u725b\u53ef\u4ee5\u5bfc\u5165\u7684\u5feb\u6377\u77ed\u8bed CSV\uff08GBK\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.scriptTitleLabel.setText(QCoreApplication.translate("EditorView", u"\u6807\u9898", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("EditorView", u"\u5ba2\u670d\u5728\u4fa7\u8fb9\u680f\u770b\u5230\u7684\u540d\u5b57\uff0c\u5982\uff1a\u5305\u90ae\u8bf4\u660e", None))
        self.categoryLabel.setText(QCoreApplication.translate("EditorView", u"\u5206\u7c7b", None))
        self.idLabel.setText(QCoreApplication.translate("EditorView", u"\u7f16\u53f7", None))
#if QT_CONFIG(tooltip)
        self.idEdit.setToolTip(QCoreApplication.translate("EditorView", u"\u8bdd\u672f\u7684\u56fa\u5b9a\u7f16\u53f7\uff0c\u4f7f\u7528\u8bb0\u5f55\u9760\u5b83\u5bf9\u5e94\u8bdd\u672f\uff1b\u4e00\u822c\u4e0d\u8981\u6539", None))
#endif // QT_CONFIG(tooltip)
        self.codeLabel.setText(QCoreApplication.translate("EditorView", u"\u5feb\u6377\u7f16\u7801", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("EditorView", u"\u5343\u725b\u5feb\u6377\u7f16\u7801\uff1a\u5c0f\u5199\u5b57\u6bcd\u548c\u6570\u5b57\uff0c\u5b57\u6bcd\u5f00\u5934\u548c\u7ed3\u5c3e\uff0c\u5982 by", None))
        self.toneLabel.setText(QCoreApplication.translate("EditorView", u"\u8bed\u6c14", None))
        self.examplesLabel.setText(QCoreApplication.translate("EditorView", u"\u4e70\u5bb6\u95ee\u6cd5", None))
        self.examplesEdit.setPlaceholderText(QCoreApplication.translate("EditorView", u"\u4e70\u5bb6\u4f1a\u600e\u4e48\u95ee\uff0c\u4e00\u884c\u4e00\u6761\uff1b\u4e0d\u586b\u5219\u53ea\u80fd\u5728\u201c\u6d4f\u89c8\u5168\u90e8\u201d\u91cc\u627e\u5230\uff08\u5ba2\u670d\u4e3b\u52a8\u53d1\u9001\uff09", None))
        self.keywordsLabel.setText(QCoreApplication.translate("EditorView", u"\u5173\u952e\u8bcd", None))
        self.keywordsEdit.setPlaceholderText(QCoreApplication.translate("EditorView", u"\u53ea\u5c5e\u4e8e\u8fd9\u6761\u8bdd\u672f\u7684\u5f3a\u63d0\u793a\u8bcd\uff0c\u7528\u9017\u53f7\u5206\u9694\uff08\u53ef\u4e0d\u586b\uff09", None))
        self.repliesLabel.setText(QCoreApplication.translate("EditorView", u"\u56de\u590d\uff08\u53ef\u6709\u591a\u4e2a\u8bf4\u6cd5\uff0c\u5ba2\u670d\u590d\u5236\u524d\u53ef\u5207\u6362\uff09", None))
        self.addReplyButton.setText(QCoreApplication.translate("EditorView", u"\u6dfb\u52a0\u8bf4\u6cd5", None))
        self.removeReplyButton.setText(QCoreApplication.translate("EditorView", u"\u5220\u9664\u6b64\u8bf4\u6cd5", None))
        self.lintBox.setTitle(QCoreApplication.translate("EditorView", u"\u68c0\u67e5\uff08\u4e0e kefu-assist lint \u76f8\u540c\uff09", None))
        self.lintTitle.setText(QCoreApplication.translate("EditorView", u"\u68c0\u67e5\u7ed3\u679c", None))
        self.tryBox.setTitle(QCoreApplication.translate("EditorView", u"\u8bd5\u4e00\u8bd5\uff08\u7528\u8fd8\u6ca1\u4fdd\u5b58\u7684\u8bdd\u672f\u5e93\uff09", None))
        self.tryEdit.setPlaceholderText(QCoreApplication.translate("EditorView", u"\u8f93\u5165\u4e00\u53e5\u4e70\u5bb6\u7684\u8bdd\uff0c\u770b\u63a8\u8350\u54ea\u4e9b\u8bdd\u672f", None))
        self.tryButton.setText(QCoreApplication.translate("EditorView", u"\u8bd5\u4e00\u8bd5", None))
        self.revertButton.setText(QCoreApplication.translate("EditorView", u"\u64a4\u9500\u4fee\u6539", None))
        self.saveButton.setText(QCoreApplication.translate("EditorView", u"\u4fdd\u5b58", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("EditorView", u"\u5199\u56de\u8bdd\u672f\u5e93\u6587\u4ef6\uff08\u65e7\u6587\u4ef6\u7559\u4f5c .bak \u5907\u4efd\uff09 (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.editorPage), QCoreApplication.translate("EditorView", u"\u7f16\u8f91\u8bdd\u672f", None))
        pass
    # retranslateUi

