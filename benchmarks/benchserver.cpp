// The loopback server as a process, for whole-process comparisons (the CLI
// against curl | jq, the app's memory). Prints its port, then serves
// HYXTNJV (typical) and LARGE01 (large) until killed.
#include "benchmarks/loopbackserver.h"
#include "benchmarks/ticketgen.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    CaseLens::Bench::LoopbackServer server(
        {{"HYXTNJV", CaseLens::Bench::typicalTicket()}, {"LARGE01", CaseLens::Bench::largeTicket()}});
    std::printf("%u\n", unsigned(server.port()));
    std::fflush(stdout);
    return app.exec();
}
