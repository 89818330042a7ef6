#pragma once

// For ticket-view tests whose widgets remember choices in QSettings (the
// notes' order, "Show views"): a test object member that points QSettings at
// a throwaway directory, so that a run neither reads nor changes the user's
// settings. Header-only; the window tests use WindowHarness's
// useThrowawaySettings() instead.

#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>

namespace CaseLens::Testing {

class ThrowawaySettings final
{
public:
    // Made after the QApplication (QTEST_MAIN makes the test object after it).
    explicit ThrowawaySettings(const QString &suiteName)
    {
        if (!m_dir.isValid())
            qFatal("no temporary directory for the settings");
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("CaseLensTest"));
        QCoreApplication::setApplicationName(suiteName);
    }
    Q_DISABLE_COPY_MOVE(ThrowawaySettings)
    ~ThrowawaySettings() = default;

private:
    QTemporaryDir m_dir;
};

} // namespace CaseLens::Testing
