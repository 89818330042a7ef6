#include "apikeyprovider.h"

namespace CaseLens::Gui {

ApiKeyProvider::ApiKeyProvider(QObject *parent)
    : QObject(parent)
{}

void ApiKeyProvider::loadFromEnvironment(const QProcessEnvironment &environment)
{
    const QString fromEnvironment = environment.value(QLatin1String(EnvironmentVariable)).trimmed();
    if (!fromEnvironment.isEmpty())
        set(fromEnvironment, Source::Environment);
}

QString ApiKeyProvider::locationDescription() const
{
    switch (m_source) {
    case Source::None:
        return tr("No key set");
    case Source::Environment:
        return tr("Environment variable %1").arg(QLatin1String(EnvironmentVariable));
    case Source::Session:
        return tr("This session only (memory)");
    }
    return {};
}

void ApiKeyProvider::store(const QString &key)
{
    const QString trimmed = key.trimmed();
    set(trimmed, trimmed.isEmpty() ? Source::None : Source::Session);
}

void ApiKeyProvider::forget()
{
    set({}, Source::None);
}

void ApiKeyProvider::set(const QString &key, Source source)
{
    if (key == m_key && source == m_source)
        return;
    m_key = key;
    m_source = source;
    Q_EMIT keyChanged();
}

} // namespace CaseLens::Gui
