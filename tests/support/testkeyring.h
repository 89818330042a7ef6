#pragma once
// Keychain tests write real entries, so only into the throwaway GNOME Keyring
// that scripts/with-keyring.sh starts (it sets CASELENS_REQUIRE_KEYRING=1,
// which turns a missing keyring from a skip into a failure).

#include <QString>
#include <QUuid>
#include <QtTest>

namespace CaseLens::Testing {

[[nodiscard]] inline bool keyringRequired()
{
    return qEnvironmentVariableIsSet("CASELENS_REQUIRE_KEYRING");
}

// A key no other test run uses.
[[nodiscard]] inline QString uniqueKey(const char *prefix)
{
    return QLatin1String(prefix) + QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace CaseLens::Testing

#define REQUIRE_TEST_KEYRING()                                                                               \
    do {                                                                                                     \
        if (!CaseLens::Testing::keyringRequired())                                                           \
            QSKIP(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")                                    \
                      ? "No D-Bus session bus: run via scripts/with-keyring.sh (CASELENS_REQUIRE_KEYRING=1 " \
                        "makes this a failure)"                                                              \
                      : "Not writing test entries into your own keyring: run via scripts/with-keyring.sh, "  \
                        "which sets CASELENS_REQUIRE_KEYRING=1");                                            \
    } while (false)
