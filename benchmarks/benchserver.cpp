// The loopback server as a process, for whole-process comparisons (the CLI
// against curl | jq, the app's memory). Prints its port, then serves
// HYXTNJV (typical) and LARGE01 (large), and 10 pages of 20 open tickets
// (caselens-cli list --all), until killed.
#include "benchmarks/loopbackserver.h"
#include "benchmarks/ticketgen.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    CaseLens::Bench::LoopbackServer server(
        {{"HYXTNJV", CaseLens::Bench::typicalTicket()}, {"LARGE01", CaseLens::Bench::largeTicket()}},
        CaseLens::Bench::ticketListPages(10));
    std::printf("%u\n", unsigned(server.port()));
    std::fflush(stdout);
    return app.exec();
}
