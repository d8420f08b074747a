# Compiled from resources/ui/main_window.ui by scripts/compile_ui.py; do not edit.
UI_SHA256 = "7061ff7b15b3d34d025a99175f3e04a87602818729690a5f6a7a0f050b60dbdc"

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QTabWidget, QToolButton, QVBoxLayout, QWidget

class Ui_SidebarView(object):
    def setupUi(self, SidebarView):
        if not SidebarView.objectName():
            SidebarView.setObjectName(u"SidebarView")
        SidebarView.resize(360, 800)
        self.rootLayout = QVBoxLayout(SidebarView)
        self.rootLayout.setSpacing(6)
        self.rootLayout.setObjectName(u"rootLayout")
        self.rootLayout.setContentsMargins(8, 6, 8, 6)
        self.topBar = QHBoxLayout()
        self.topBar.setObjectName(u"topBar")
        self.titleLabel = QLabel(SidebarView)
        self.titleLabel.setObjectName(u"titleLabel")

        self.topBar.addWidget(self.titleLabel)

        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topBar.addItem(self.topSpacer)

        self.offlineBadge = QLabel(SidebarView)
        self.offlineBadge.setObjectName(u"offlineBadge")

        self.topBar.addWidget(self.offlineBadge)

        self.pinButton = QToolButton(SidebarView)
        self.pinButton.setObjectName(u"pinButton")
        self.pinButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pinButton.setCheckable(True)

        self.topBar.addWidget(self.pinButton)

        self.settingsButton = QToolButton(SidebarView)
        self.settingsButton.setObjectName(u"settingsButton")
        self.settingsButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.topBar.addWidget(self.settingsButton)


        self.rootLayout.addLayout(self.topBar)

        self.banner = QFrame(SidebarView)
        self.banner.setObjectName(u"banner")
        self.bannerLayout = QVBoxLayout(self.banner)
        self.bannerLayout.setSpacing(4)
        self.bannerLayout.setObjectName(u"bannerLayout")
        self.bannerLayout.setContentsMargins(8, 6, 8, 6)
        self.bannerHead = QHBoxLayout()
        self.bannerHead.setSpacing(4)
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

        self.bannerDetailsButton = QToolButton(self.banner)
        self.bannerDetailsButton.setObjectName(u"bannerDetailsButton")
        self.bannerDetailsButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bannerDetailsButton.setCheckable(True)

        self.bannerHead.addWidget(self.bannerDetailsButton, 0, Qt.AlignmentFlag.AlignTop)

        self.bannerCloseButton = QToolButton(self.banner)
        self.bannerCloseButton.setObjectName(u"bannerCloseButton")
        self.bannerCloseButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.bannerHead.addWidget(self.bannerCloseButton, 0, Qt.AlignmentFlag.AlignTop)


        self.bannerLayout.addLayout(self.bannerHead)

        self.bannerDetails = QPlainTextEdit(self.banner)
        self.bannerDetails.setObjectName(u"bannerDetails")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.bannerDetails.sizePolicy().hasHeightForWidth())
        self.bannerDetails.setSizePolicy(sizePolicy1)
        self.bannerDetails.setMinimumSize(QSize(0, 96))
        self.bannerDetails.setMaximumSize(QSize(16777215, 96))
        self.bannerDetails.setReadOnly(True)
        self.bannerDetails.setTabChangesFocus(True)

        self.bannerLayout.addWidget(self.bannerDetails)

        self.bannerActions = QWidget(self.banner)
        self.bannerActions.setObjectName(u"bannerActions")
        self.bannerActionsLayout = QHBoxLayout(self.bannerActions)
        self.bannerActionsLayout.setObjectName(u"bannerActionsLayout")
        self.bannerActionsLayout.setContentsMargins(0, 0, 0, 0)
        self.bannerActionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bannerActionsLayout.addItem(self.bannerActionsSpacer)

        self.bannerKeepButton = QPushButton(self.bannerActions)
        self.bannerKeepButton.setObjectName(u"bannerKeepButton")
        self.bannerKeepButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.bannerActionsLayout.addWidget(self.bannerKeepButton)

        self.bannerAcceptButton = QPushButton(self.bannerActions)
        self.bannerAcceptButton.setObjectName(u"bannerAcceptButton")
        self.bannerAcceptButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.bannerActionsLayout.addWidget(self.bannerAcceptButton)


        self.bannerLayout.addWidget(self.bannerActions)


        self.rootLayout.addWidget(self.banner)

        self.messageHeader = QHBoxLayout()
        self.messageHeader.setObjectName(u"messageHeader")
        self.messageLabel = QLabel(SidebarView)
        self.messageLabel.setObjectName(u"messageLabel")

        self.messageHeader.addWidget(self.messageLabel)

        self.messageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.messageHeader.addItem(self.messageSpacer)

        self.clipboardCheck = QCheckBox(SidebarView)
        self.clipboardCheck.setObjectName(u"clipboardCheck")
        self.clipboardCheck.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.messageHeader.addWidget(self.clipboardCheck)


        self.rootLayout.addLayout(self.messageHeader)

        self.messageEdit = QPlainTextEdit(SidebarView)
        self.messageEdit.setObjectName(u"messageEdit")
        self.messageEdit.setMaximumSize(QSize(16777215, 96))
        self.messageEdit.setTabChangesFocus(True)

        self.rootLayout.addWidget(self.messageEdit)

        self.tabs = QTabWidget(SidebarView)
        self.tabs.setObjectName(u"tabs")
        self.suggestTab = QWidget()
        self.suggestTab.setObjectName(u"suggestTab")
        self.suggestLayout = QVBoxLayout(self.suggestTab)
        self.suggestLayout.setSpacing(4)
        self.suggestLayout.setObjectName(u"suggestLayout")
        self.suggestLayout.setContentsMargins(0, 4, 0, 0)
        self.stateLabel = QLabel(self.suggestTab)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)

        self.suggestLayout.addWidget(self.stateLabel)

        self.suggestionsArea = QScrollArea(self.suggestTab)
        self.suggestionsArea.setObjectName(u"suggestionsArea")
        self.suggestionsArea.setWidgetResizable(True)
        self.suggestionsArea.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.suggestionsHost = QWidget()
        self.suggestionsHost.setObjectName(u"suggestionsHost")
        self.suggestionsLayout = QVBoxLayout(self.suggestionsHost)
        self.suggestionsLayout.setSpacing(6)
        self.suggestionsLayout.setObjectName(u"suggestionsLayout")
        self.suggestionsLayout.setContentsMargins(0, 0, 2, 0)
        self.suggestionsArea.setWidget(self.suggestionsHost)

        self.suggestLayout.addWidget(self.suggestionsArea)

        self.tabs.addTab(self.suggestTab, "")
        self.browseTab = QWidget()
        self.browseTab.setObjectName(u"browseTab")
        self.browseLayout = QVBoxLayout(self.browseTab)
        self.browseLayout.setSpacing(4)
        self.browseLayout.setObjectName(u"browseLayout")
        self.browseLayout.setContentsMargins(0, 4, 0, 0)
        self.categoryCombo = QComboBox(self.browseTab)
        self.categoryCombo.setObjectName(u"categoryCombo")
        self.categoryCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.categoryCombo.setMinimumContentsLength(8)

        self.browseLayout.addWidget(self.categoryCombo)

        self.searchEdit = QLineEdit(self.browseTab)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.browseLayout.addWidget(self.searchEdit)

        self.scriptList = QListWidget(self.browseTab)
        self.scriptList.setObjectName(u"scriptList")

        self.browseLayout.addWidget(self.scriptList)

        self.previewHost = QWidget(self.browseTab)
        self.previewHost.setObjectName(u"previewHost")
        self.previewLayout = QVBoxLayout(self.previewHost)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewLayout.setContentsMargins(0, 0, 0, 0)

        self.browseLayout.addWidget(self.previewHost)

        self.tabs.addTab(self.browseTab, "")
        self.usualTab = QWidget()
        self.usualTab.setObjectName(u"usualTab")
        self.usualLayout = QVBoxLayout(self.usualTab)
        self.usualLayout.setSpacing(4)
        self.usualLayout.setObjectName(u"usualLayout")
        self.usualLayout.setContentsMargins(0, 4, 0, 0)
        self.usualState = QLabel(self.usualTab)
        self.usualState.setObjectName(u"usualState")
        self.usualState.setWordWrap(True)

        self.usualLayout.addWidget(self.usualState)

        self.usualList = QListWidget(self.usualTab)
        self.usualList.setObjectName(u"usualList")

        self.usualLayout.addWidget(self.usualList)

        self.usualPreviewHost = QWidget(self.usualTab)
        self.usualPreviewHost.setObjectName(u"usualPreviewHost")
        self.usualPreviewLayout = QVBoxLayout(self.usualPreviewHost)
        self.usualPreviewLayout.setObjectName(u"usualPreviewLayout")
        self.usualPreviewLayout.setContentsMargins(0, 0, 0, 0)

        self.usualLayout.addWidget(self.usualPreviewHost)

        self.tabs.addTab(self.usualTab, "")
        self.statsTab = QWidget()
        self.statsTab.setObjectName(u"statsTab")
        self.statsLayout = QVBoxLayout(self.statsTab)
        self.statsLayout.setObjectName(u"statsLayout")
        self.statsLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.statsTab, "")

        self.rootLayout.addWidget(self.tabs)

        self.formHost = QWidget(SidebarView)
        self.formHost.setObjectName(u"formHost")
        self.formLayout = QVBoxLayout(self.formHost)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setContentsMargins(0, 0, 0, 0)

        self.rootLayout.addWidget(self.formHost)

        self.statusBar = QHBoxLayout()
        self.statusBar.setObjectName(u"statusBar")
        self.statusLabel = QLabel(SidebarView)
        self.statusLabel.setObjectName(u"statusLabel")
        sizePolicy.setHeightForWidth(self.statusLabel.sizePolicy().hasHeightForWidth())
        self.statusLabel.setSizePolicy(sizePolicy)

        self.statusBar.addWidget(self.statusLabel)

        self.statusSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.statusBar.addItem(self.statusSpacer)

        self.toastLabel = QLabel(SidebarView)
        self.toastLabel.setObjectName(u"toastLabel")
        self.toastLabel.setMaximumSize(QSize(220, 16777215))

        self.statusBar.addWidget(self.toastLabel)


        self.rootLayout.addLayout(self.statusBar)


        self.retranslateUi(SidebarView)

        self.tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, SidebarView):
        self.titleLabel.setText(QCoreApplication.translate("SidebarView", u"\u5ba2\u670d\u8bdd\u672f\u52a9\u624b", None))
        self.offlineBadge.setText(QCoreApplication.translate("SidebarView", u"\u79bb\u7ebf", None))
#if QT_CONFIG(tooltip)
        self.offlineBadge.setToolTip(QCoreApplication.translate("SidebarView", u"\u6570\u636e\u5e93\u8fde\u63a5\u4e2d\u65ad\uff0c\u8bb0\u5f55\u6682\u5b58\u672c\u673a\uff0c\u6062\u590d\u540e\u81ea\u52a8\u8865\u5199", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.pinButton.setToolTip(QCoreApplication.translate("SidebarView", u"\u7a97\u53e3\u7f6e\u9876", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.settingsButton.setToolTip(QCoreApplication.translate("SidebarView", u"\u8bbe\u7f6e (Ctrl+,)", None))
#endif // QT_CONFIG(tooltip)
        self.bannerDetailsButton.setText(QCoreApplication.translate("SidebarView", u"\u8be6\u60c5", None))
#if QT_CONFIG(tooltip)
        self.bannerDetailsButton.setToolTip(QCoreApplication.translate("SidebarView", u"\u51fa\u9519\u7684\u6587\u4ef6\u3001\u884c\u53f7\u548c\u539f\u56e0\uff08\u7ed9\u7ec4\u957f\u770b\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.bannerCloseButton.setText(QCoreApplication.translate("SidebarView", u"\u2715", None))
#if QT_CONFIG(tooltip)
        self.bannerCloseButton.setToolTip(QCoreApplication.translate("SidebarView", u"\u5173\u95ed\u63d0\u793a\uff08\u8bdd\u672f\u5e93\u518d\u6b21\u53d8\u5316\u65f6\u4f1a\u91cd\u65b0\u63d0\u793a\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.bannerKeepButton.setText(QCoreApplication.translate("SidebarView", u"\u4fdd\u7559\u539f\u6765\u7684", None))
#if QT_CONFIG(tooltip)
        self.bannerKeepButton.setToolTip(QCoreApplication.translate("SidebarView", u"\u7ee7\u7eed\u4f7f\u7528\u539f\u6765\u7684\u8bdd\u672f\u5e93\uff08\u6587\u4ef6\u518d\u6b21\u4fdd\u5b58\u65f6\u4f1a\u91cd\u65b0\u68c0\u67e5\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.bannerAcceptButton.setText(QCoreApplication.translate("SidebarView", u"\u63a5\u53d7\u65b0\u7684", None))
#if QT_CONFIG(tooltip)
        self.bannerAcceptButton.setToolTip(QCoreApplication.translate("SidebarView", u"\u6539\u7528\u521a\u4fdd\u5b58\u7684\u3001\u8bdd\u672f\u8f83\u5c11\u7684\u8bdd\u672f\u5e93", None))
#endif // QT_CONFIG(tooltip)
        self.messageLabel.setText(QCoreApplication.translate("SidebarView", u"\u4e70\u5bb6\u6d88\u606f", None))
        self.clipboardCheck.setText(QCoreApplication.translate("SidebarView", u"\u76d1\u542c\u526a\u8d34\u677f", None))
#if QT_CONFIG(tooltip)
        self.clipboardCheck.setToolTip(QCoreApplication.translate("SidebarView", u"\u5f00\u542f\u540e\uff0c\u5728\u804a\u5929\u7a97\u53e3\u590d\u5236\u7684\u4e70\u5bb6\u6d88\u606f\u4f1a\u81ea\u52a8\u586b\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.messageEdit.setPlaceholderText(QCoreApplication.translate("SidebarView", u"\u7c98\u8d34\u6216\u8f93\u5165\u4e70\u5bb6\u7684\u95ee\u9898\u2026", None))
#if QT_CONFIG(tooltip)
        self.messageEdit.setToolTip(QCoreApplication.translate("SidebarView", u"\u4e70\u5bb6\u6d88\u606f (Ctrl+L / F6 \u805a\u7126\uff0cEsc \u6e05\u7a7a)\n"
"\u2191/\u2193 \u9009\u62e9\u8bdd\u672f\uff0cEnter \u590d\u5236\uff0cShift+Enter \u6362\u884c", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.suggestTab), QCoreApplication.translate("SidebarView", u"\u63a8\u8350\u8bdd\u672f", None))
#if QT_CONFIG(tooltip)
        self.categoryCombo.setToolTip(QCoreApplication.translate("SidebarView", u"\u6309\u5206\u7c7b\u6d4f\u89c8\uff08\u542b\u50ac\u4ed8\u3001\u6838\u5bf9\u5730\u5740\u7b49\u4e3b\u52a8\u53d1\u9001\u7684\u8bdd\u672f\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("SidebarView", u"\u641c\u7d22\u6807\u9898\u3001\u56de\u590d\u3001\u5173\u952e\u8bcd\u2026", None))
#if QT_CONFIG(tooltip)
        self.scriptList.setToolTip(QCoreApplication.translate("SidebarView", u"\u53cc\u51fb\u6216 Enter \u590d\u5236", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.browseTab), QCoreApplication.translate("SidebarView", u"\u6d4f\u89c8\u5168\u90e8", None))
#if QT_CONFIG(tooltip)
        self.usualList.setToolTip(QCoreApplication.translate("SidebarView", u"\u6536\u85cf\u548c\u6700\u8fd1\u590d\u5236\u7684\u8bdd\u672f\uff1a\u53cc\u51fb\u6216 Enter \u590d\u5236\uff0cCtrl+D \u6536\u85cf/\u53d6\u6d88", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.usualTab), QCoreApplication.translate("SidebarView", u"\u5e38\u7528", None))
        self.tabs.setTabText(self.tabs.indexOf(self.statsTab), QCoreApplication.translate("SidebarView", u"\u7edf\u8ba1", None))
        self.toastLabel.setText(QCoreApplication.translate("SidebarView", u"\u5df2\u590d\u5236", None))
        pass
    # retranslateUi

