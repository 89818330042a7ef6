#pragma once

// Included by a ticket-view test (once per executable): when the test's
// QCoreApplication is made, installs the English plural forms
// (translations/caselens_en.ts, compiled beside the app's translations) as
// the app does for an English window, so that tr("%Ln note(s)", nullptr, n)
// reads "1 note" and "2 notes" here too. CASELENS_EN_QM comes from
// tests/app/CMakeLists.txt.

#include <QCoreApplication>
#include <QString>
#include <QTranslator>

namespace {

void caselensInstallEnglishPlurals()
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(QStringLiteral(CASELENS_EN_QM)))
        qFatal("cannot load %s (it is built with the caselens_gui target)", CASELENS_EN_QM);
    QCoreApplication::installTranslator(translator);
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(caselensInstallEnglishPlurals)
