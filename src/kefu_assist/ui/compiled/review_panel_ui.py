# Compiled from resources/ui/review_panel.ui by scripts/compile_ui.py; do not edit.
UI_SHA256 = "10af8c83b4ba1b0943fe1c35517456cfe034ed14b6a6b8fb310fdc8dd7dcb69c"

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QToolButton, QTreeWidget, QVBoxLayout, QWidget

class Ui_ReviewView(object):
    def setupUi(self, ReviewView):
        if not ReviewView.objectName():
            ReviewView.setObjectName(u"ReviewView")
        ReviewView.resize(860, 560)
        self.reviewLayout = QVBoxLayout(ReviewView)
        self.reviewLayout.setSpacing(6)
        self.reviewLayout.setObjectName(u"reviewLayout")
        self.reviewLayout.setContentsMargins(8, 6, 8, 6)
        self.headerRow = QHBoxLayout()
        self.headerRow.setObjectName(u"headerRow")
        self.headingLabel = QLabel(ReviewView)
        self.headingLabel.setObjectName(u"headingLabel")

        self.headerRow.addWidget(self.headingLabel)

        self.summaryLabel = QLabel(ReviewView)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.headerRow.addWidget(self.summaryLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerRow.addItem(self.headerSpacer)

        self.refreshButton = QPushButton(ReviewView)
        self.refreshButton.setObjectName(u"refreshButton")

        self.headerRow.addWidget(self.refreshButton)


        self.reviewLayout.addLayout(self.headerRow)

        self.reviewBanner = QFrame(ReviewView)
        self.reviewBanner.setObjectName(u"reviewBanner")
        self.reviewBannerLayout = QHBoxLayout(self.reviewBanner)
        self.reviewBannerLayout.setObjectName(u"reviewBannerLayout")
        self.reviewBannerLayout.setContentsMargins(8, 4, 4, 4)
        self.reviewBannerLabel = QLabel(self.reviewBanner)
        self.reviewBannerLabel.setObjectName(u"reviewBannerLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.reviewBannerLabel.sizePolicy().hasHeightForWidth())
        self.reviewBannerLabel.setSizePolicy(sizePolicy)
        self.reviewBannerLabel.setWordWrap(True)
        self.reviewBannerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.reviewBannerLayout.addWidget(self.reviewBannerLabel)

        self.reviewBannerClose = QToolButton(self.reviewBanner)
        self.reviewBannerClose.setObjectName(u"reviewBannerClose")

        self.reviewBannerLayout.addWidget(self.reviewBannerClose, 0, Qt.AlignmentFlag.AlignTop)


        self.reviewLayout.addWidget(self.reviewBanner)

        self.noticeLabel = QLabel(ReviewView)
        self.noticeLabel.setObjectName(u"noticeLabel")
        self.noticeLabel.setWordWrap(True)

        self.reviewLayout.addWidget(self.noticeLabel)

        self.emptyLabel = QLabel(ReviewView)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.reviewLayout.addWidget(self.emptyLabel)

        self.splitter = QSplitter(ReviewView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.queueTree = QTreeWidget(self.splitter)
        self.queueTree.setObjectName(u"queueTree")
        self.queueTree.setRootIsDecorated(False)
        self.queueTree.setUniformRowHeights(True)
        self.queueTree.setAlternatingRowColors(True)
        self.splitter.addWidget(self.queueTree)
        self.detailPane = QWidget(self.splitter)
        self.detailPane.setObjectName(u"detailPane")
        self.detailLayout = QVBoxLayout(self.detailPane)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(6, 0, 0, 0)
        self.questionLabel = QLabel(self.detailPane)
        self.questionLabel.setObjectName(u"questionLabel")
        self.questionLabel.setWordWrap(True)
        self.questionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.questionLabel)

        self.metaLabel = QLabel(self.detailPane)
        self.metaLabel.setObjectName(u"metaLabel")
        self.metaLabel.setWordWrap(True)

        self.detailLayout.addWidget(self.metaLabel)

        self.exampleGroup = QGroupBox(self.detailPane)
        self.exampleGroup.setObjectName(u"exampleGroup")
        self.exampleLayout = QVBoxLayout(self.exampleGroup)
        self.exampleLayout.setObjectName(u"exampleLayout")
        self.guessLabel = QLabel(self.exampleGroup)
        self.guessLabel.setObjectName(u"guessLabel")

        self.exampleLayout.addWidget(self.guessLabel)

        self.guessList = QListWidget(self.exampleGroup)
        self.guessList.setObjectName(u"guessList")
        self.guessList.setMaximumSize(QSize(16777215, 120))
        self.guessList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.guessList.setTextElideMode(Qt.TextElideMode.ElideMiddle)

        self.exampleLayout.addWidget(self.guessList)

        self.scriptLabel = QLabel(self.exampleGroup)
        self.scriptLabel.setObjectName(u"scriptLabel")

        self.exampleLayout.addWidget(self.scriptLabel)

        self.exampleRow = QHBoxLayout()
        self.exampleRow.setObjectName(u"exampleRow")
        self.scriptCombo = QComboBox(self.exampleGroup)
        self.scriptCombo.setObjectName(u"scriptCombo")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.scriptCombo.sizePolicy().hasHeightForWidth())
        self.scriptCombo.setSizePolicy(sizePolicy1)
        self.scriptCombo.setEditable(True)
        self.scriptCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.exampleRow.addWidget(self.scriptCombo)

        self.openScriptButton = QPushButton(self.exampleGroup)
        self.openScriptButton.setObjectName(u"openScriptButton")

        self.exampleRow.addWidget(self.openScriptButton)

        self.addExampleButton = QPushButton(self.exampleGroup)
        self.addExampleButton.setObjectName(u"addExampleButton")

        self.exampleRow.addWidget(self.addExampleButton)


        self.exampleLayout.addLayout(self.exampleRow)


        self.detailLayout.addWidget(self.exampleGroup)

        self.newGroup = QGroupBox(self.detailPane)
        self.newGroup.setObjectName(u"newGroup")
        self.newForm = QFormLayout(self.newGroup)
        self.newForm.setObjectName(u"newForm")
        self.newForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.categoryLabel = QLabel(self.newGroup)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.newForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(self.newGroup)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.newForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.newTitleLabel = QLabel(self.newGroup)
        self.newTitleLabel.setObjectName(u"newTitleLabel")

        self.newForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newTitleLabel)

        self.titleEdit = QLineEdit(self.newGroup)
        self.titleEdit.setObjectName(u"titleEdit")

        self.newForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.newReplyLabel = QLabel(self.newGroup)
        self.newReplyLabel.setObjectName(u"newReplyLabel")

        self.newForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.newReplyLabel)

        self.replyEdit = QPlainTextEdit(self.newGroup)
        self.replyEdit.setObjectName(u"replyEdit")
        self.replyEdit.setMaximumSize(QSize(16777215, 80))

        self.newForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.replyEdit)

        self.newRow = QHBoxLayout()
        self.newRow.setObjectName(u"newRow")
        self.newSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.newRow.addItem(self.newSpacer)

        self.createButton = QPushButton(self.newGroup)
        self.createButton.setObjectName(u"createButton")

        self.newRow.addWidget(self.createButton)


        self.newForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.newRow)


        self.detailLayout.addWidget(self.newGroup)

        self.dismissRow = QHBoxLayout()
        self.dismissRow.setObjectName(u"dismissRow")
        self.dismissNote = QLabel(self.detailPane)
        self.dismissNote.setObjectName(u"dismissNote")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy2.setHorizontalStretch(1)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.dismissNote.sizePolicy().hasHeightForWidth())
        self.dismissNote.setSizePolicy(sizePolicy2)
        self.dismissNote.setWordWrap(True)

        self.dismissRow.addWidget(self.dismissNote)

        self.dismissButton = QPushButton(self.detailPane)
        self.dismissButton.setObjectName(u"dismissButton")

        self.dismissRow.addWidget(self.dismissButton)


        self.detailLayout.addLayout(self.dismissRow)

        self.detailSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detailLayout.addItem(self.detailSpacer)

        self.splitter.addWidget(self.detailPane)

        self.reviewLayout.addWidget(self.splitter)


        self.retranslateUi(ReviewView)
    # setupUi

    def retranslateUi(self, ReviewView):
        self.headingLabel.setText(QCoreApplication.translate("ReviewView", u"\u5f85\u5904\u7406", None))
        self.summaryLabel.setText(QCoreApplication.translate("ReviewView", u"\u6b63\u5728\u8bfb\u53d6\u2026", None))
        self.refreshButton.setText(QCoreApplication.translate("ReviewView", u"\u5237\u65b0", None))
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(QCoreApplication.translate("ReviewView", u"\u91cd\u65b0\u8bfb\u53d6\u5b66\u4e60\u4f8b\u53e5\u548c\u672a\u5339\u914d\u95ee\u9898 (F5)", None))
#endif // QT_CONFIG(tooltip)
        self.reviewBannerClose.setText(QCoreApplication.translate("ReviewView", u"\u2715", None))
#if QT_CONFIG(tooltip)
        self.reviewBannerClose.setToolTip(QCoreApplication.translate("ReviewView", u"\u5173\u95ed\u63d0\u793a", None))
#endif // QT_CONFIG(tooltip)
        self.emptyLabel.setText(QCoreApplication.translate("ReviewView", u"\u5f85\u5904\u7406\u4e3a\u7a7a\uff1a\u6ca1\u6709\u5b66\u4e60\u4f8b\u53e5\uff0c\u4e5f\u6ca1\u6709\u672a\u5339\u914d\u7684\u95ee\u9898\u3002", None))
        ___qtreewidgetitem = self.queueTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("ReviewView", u"\u5ba2\u670d\u9009\u7684\u8bdd\u672f", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ReviewView", u"\u5ba2\u670d", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ReviewView", u"\u6b21\u6570", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ReviewView", u"\u4e70\u5bb6\u95ee\u9898", None))
        self.exampleGroup.setTitle(QCoreApplication.translate("ReviewView", u"\u52a0\u4e3a\u4f8b\u53e5\uff1a\u5199\u8fdb\u6240\u9009\u8bdd\u672f\u7684\u4f8b\u53e5", None))
        self.guessLabel.setText(QCoreApplication.translate("ReviewView", u"\u5339\u914d\u63a8\u8350", None))
        self.scriptLabel.setText(QCoreApplication.translate("ReviewView", u"\u6216\u641c\u7d22\u4efb\u4e00\u8bdd\u672f\uff08\u6807\u9898\u3001id\uff09", None))
        self.openScriptButton.setText(QCoreApplication.translate("ReviewView", u"\u7f16\u8f91\u8bdd\u672f\u2026", None))
#if QT_CONFIG(tooltip)
        self.openScriptButton.setToolTip(QCoreApplication.translate("ReviewView", u"\u5728\u7f16\u8f91\u5668\u4e2d\u6253\u5f00\u9009\u4e2d\u7684\u8bdd\u672f", None))
#endif // QT_CONFIG(tooltip)
        self.addExampleButton.setText(QCoreApplication.translate("ReviewView", u"\u52a0\u4e3a\u4f8b\u53e5", None))
        self.newGroup.setTitle(QCoreApplication.translate("ReviewView", u"\u65b0\u5efa\u8bdd\u672f\uff1a\u4ee5\u8fd9\u4e2a\u95ee\u9898\u4e3a\u4f8b\u53e5", None))
        self.categoryLabel.setText(QCoreApplication.translate("ReviewView", u"\u5206\u7c7b", None))
        self.newTitleLabel.setText(QCoreApplication.translate("ReviewView", u"\u6807\u9898", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("ReviewView", u"\u4e00\u53e5\u8bdd\u8bf4\u660e\u8fd9\u6761\u8bdd\u672f", None))
        self.newReplyLabel.setText(QCoreApplication.translate("ReviewView", u"\u56de\u590d", None))
        self.replyEdit.setPlaceholderText(QCoreApplication.translate("ReviewView", u"\u53d1\u7ed9\u4e70\u5bb6\u7684\u56de\u590d\uff0c\u53ef\u7528 {shop}\u3001{agent} \u7b49\u5360\u4f4d\u7b26", None))
        self.createButton.setText(QCoreApplication.translate("ReviewView", u"\u65b0\u5efa\u8bdd\u672f", None))
        self.dismissNote.setText(QCoreApplication.translate("ReviewView", u"\u90fd\u4e0d\u5408\u9002\uff1a\u5ffd\u7565\u540e\u4e0d\u518d\u51fa\u73b0\uff08\u4f7f\u7528\u7edf\u8ba1\u7167\u5e38\u8ba1\u6570\uff09", None))
        self.dismissButton.setText(QCoreApplication.translate("ReviewView", u"\u5ffd\u7565", None))
        pass
    # retranslateUi

