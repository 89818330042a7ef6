#include "support/cliprocess.h"

#include <QProcess>
#include <QSignalSpy>

namespace CaseLens::Testing {

QProcessEnvironment cliEnvironment(const QString &key)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("CASELENS_API_KEY"));
    environment.remove(QStringLiteral("CASELENS_BASE_URL"));
    environment.remove(QStringLiteral("CASELENS_CA_FILE"));
    if (!key.isEmpty())
        environment.insert(QStringLiteral("CASELENS_API_KEY"), key);
    return environment;
}

CliRun runCli(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
              int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, arguments);
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace CaseLens::Testing
