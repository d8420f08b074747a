# Compiled from resources/ui/settings_dialog.ui by scripts/compile_ui.py; do not edit.
UI_SHA256 = "9df93f8659525e76c5205002d4f604d34fb19ba5f08859814578ca7ac0a954f3"

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout

class Ui_SettingsView(object):
    def setupUi(self, SettingsView):
        if not SettingsView.objectName():
            SettingsView.setObjectName(u"SettingsView")
        self.settingsLayout = QVBoxLayout(SettingsView)
        self.settingsLayout.setObjectName(u"settingsLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.shopLabel = QLabel(SettingsView)
        self.shopLabel.setObjectName(u"shopLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.shopLabel)

        self.shopEdit = QLineEdit(SettingsView)
        self.shopEdit.setObjectName(u"shopEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.shopEdit)

        self.agentLabel = QLabel(SettingsView)
        self.agentLabel.setObjectName(u"agentLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.agentLabel)

        self.agentEdit = QLineEdit(SettingsView)
        self.agentEdit.setObjectName(u"agentEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.agentEdit)

        self.libraryLabel = QLabel(SettingsView)
        self.libraryLabel.setObjectName(u"libraryLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.libraryLabel)

        self.libraryBox = QVBoxLayout()
        self.libraryBox.setObjectName(u"libraryBox")
        self.libraryEdit = QLineEdit(SettingsView)
        self.libraryEdit.setObjectName(u"libraryEdit")

        self.libraryBox.addWidget(self.libraryEdit)

        self.libraryButtons = QHBoxLayout()
        self.libraryButtons.setObjectName(u"libraryButtons")
        self.libraryFileButton = QPushButton(SettingsView)
        self.libraryFileButton.setObjectName(u"libraryFileButton")

        self.libraryButtons.addWidget(self.libraryFileButton)

        self.libraryFolderButton = QPushButton(SettingsView)
        self.libraryFolderButton.setObjectName(u"libraryFolderButton")

        self.libraryButtons.addWidget(self.libraryFolderButton)

        self.libraryDefaultButton = QPushButton(SettingsView)
        self.libraryDefaultButton.setObjectName(u"libraryDefaultButton")

        self.libraryButtons.addWidget(self.libraryDefaultButton)


        self.libraryBox.addLayout(self.libraryButtons)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.libraryBox)

        self.fontLabel = QLabel(SettingsView)
        self.fontLabel.setObjectName(u"fontLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.fontLabel)

        self.fontSpin = QSpinBox(SettingsView)
        self.fontSpin.setObjectName(u"fontSpin")
        self.fontSpin.setMinimum(8)
        self.fontSpin.setMaximum(24)
        self.fontSpin.setValue(10)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.fontSpin)

        self.themeLabel = QLabel(SettingsView)
        self.themeLabel.setObjectName(u"themeLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.themeLabel)

        self.themeCombo = QComboBox(SettingsView)
        self.themeCombo.setObjectName(u"themeCombo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.themeCombo)

        self.dbLabel = QLabel(SettingsView)
        self.dbLabel.setObjectName(u"dbLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.dbLabel)

        self.dbBox = QVBoxLayout()
        self.dbBox.setObjectName(u"dbBox")
        self.dbEdit = QLineEdit(SettingsView)
        self.dbEdit.setObjectName(u"dbEdit")
        self.dbEdit.setClearButtonEnabled(True)

        self.dbBox.addWidget(self.dbEdit)

        self.dbNote = QLabel(SettingsView)
        self.dbNote.setObjectName(u"dbNote")
        self.dbNote.setWordWrap(True)

        self.dbBox.addWidget(self.dbNote)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.dbBox)


        self.settingsLayout.addLayout(self.form)

        self.onTopCheck = QCheckBox(SettingsView)
        self.onTopCheck.setObjectName(u"onTopCheck")

        self.settingsLayout.addWidget(self.onTopCheck)

        self.clipboardCheck = QCheckBox(SettingsView)
        self.clipboardCheck.setObjectName(u"clipboardCheck")

        self.settingsLayout.addWidget(self.clipboardCheck)

        self.clipboardNote = QLabel(SettingsView)
        self.clipboardNote.setObjectName(u"clipboardNote")
        self.clipboardNote.setWordWrap(True)

        self.settingsLayout.addWidget(self.clipboardNote)

        self.settingsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.settingsLayout.addItem(self.settingsSpacer)

        self.buttons = QDialogButtonBox(SettingsView)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.settingsLayout.addWidget(self.buttons)


        self.retranslateUi(SettingsView)
    # setupUi

    def retranslateUi(self, SettingsView):
        self.shopLabel.setText(QCoreApplication.translate("SettingsView", u"\u5e97\u94fa\u540d\u79f0", None))
        self.shopEdit.setPlaceholderText(QCoreApplication.translate("SettingsView", u"\u7559\u7a7a\u5219\u4f7f\u7528\u8bdd\u672f\u5e93\u7684\u9ed8\u8ba4\u503c", None))
        self.agentLabel.setText(QCoreApplication.translate("SettingsView", u"\u5ba2\u670d\u6635\u79f0", None))
        self.agentEdit.setPlaceholderText(QCoreApplication.translate("SettingsView", u"\u7559\u7a7a\u5219\u4f7f\u7528\u8bdd\u672f\u5e93\u7684\u9ed8\u8ba4\u503c", None))
        self.libraryLabel.setText(QCoreApplication.translate("SettingsView", u"\u8bdd\u672f\u5e93", None))
        self.libraryEdit.setPlaceholderText(QCoreApplication.translate("SettingsView", u"\u7559\u7a7a\u5219\u4f7f\u7528\u5185\u7f6e\u8bdd\u672f\u5e93", None))
        self.libraryFileButton.setText(QCoreApplication.translate("SettingsView", u"\u9009\u62e9\u6587\u4ef6\u2026", None))
        self.libraryFolderButton.setText(QCoreApplication.translate("SettingsView", u"\u9009\u62e9\u6587\u4ef6\u5939\u2026", None))
        self.libraryDefaultButton.setText(QCoreApplication.translate("SettingsView", u"\u9ed8\u8ba4", None))
        self.fontLabel.setText(QCoreApplication.translate("SettingsView", u"\u5b57\u53f7", None))
        self.fontSpin.setSuffix(QCoreApplication.translate("SettingsView", u" pt", None))
        self.themeLabel.setText(QCoreApplication.translate("SettingsView", u"\u4e3b\u9898", None))
        self.dbLabel.setText(QCoreApplication.translate("SettingsView", u"\u6570\u636e\u5e93", None))
        self.dbEdit.setPlaceholderText(QCoreApplication.translate("SettingsView", u"\u7559\u7a7a\u5219\u4f7f\u7528\u672c\u673a SQLite", None))
        self.onTopCheck.setText(QCoreApplication.translate("SettingsView", u"\u7a97\u53e3\u59cb\u7ec8\u7f6e\u9876", None))
        self.clipboardCheck.setText(QCoreApplication.translate("SettingsView", u"\u76d1\u542c\u526a\u8d34\u677f\uff08\u590d\u5236\u7684\u4e70\u5bb6\u6d88\u606f\u81ea\u52a8\u586b\u5165\uff09", None))
        pass
    # retranslateUi

