<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CaseLens::ApiClient</name>
    <message numerus="yes">
        <source>Announced size: %Ln byte(s)</source>
        <translation>
            <numerusform>Announced size: %Ln byte</numerusform>
            <numerusform>Announced size: %Ln bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server did not answer within %n second(s). Check your connection and try again.</source>
        <translation>
            <numerusform>The server did not answer within %n second. Check your connection and try again.</numerusform>
            <numerusform>The server did not answer within %n seconds. Check your connection and try again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received more than %Ln byte(s)</source>
        <translation>
            <numerusform>Received more than %Ln byte</numerusform>
            <numerusform>Received more than %Ln bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(Gave up after %n attempt(s).)</source>
        <translation>
            <numerusform>(Gave up after %n attempt.)</numerusform>
            <numerusform>(Gave up after %n attempts.)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::FileDownload</name>
    <message numerus="yes">
        <source>The file&apos;s server sent nothing for %Ln second(s). Nothing was saved; try again later.</source>
        <translation>
            <numerusform>The file&apos;s server sent nothing for %Ln second. Nothing was saved; try again later.</numerusform>
            <numerusform>The file&apos;s server sent nothing for %Ln seconds. Nothing was saved; try again later.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Announced size: %1 byte(s)</source>
        <translation>
            <numerusform>Announced size: %1 byte</numerusform>
            <numerusform>Announced size: %1 bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::ActivityChart</name>
    <message numerus="yes">
        <source>%1: %Ln action(s)</source>
        <translation>
            <numerusform>%1: %Ln action</numerusform>
            <numerusform>%1: %Ln actions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::DesktopNotifier</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <extracomment>The body of the grouped notification: %1 is the first case numbers (&quot;HYXTNJV, 7741209, 2650478&quot;), %n how many other tickets changed.</extracomment>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tickets changed</source>
        <translation>
            <numerusform>%n ticket changed</numerusform>
            <numerusform>%n tickets changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::FilesModel</name>
    <message numerus="yes">
        <source>%1 byte(s)</source>
        <translation>
            <numerusform>%1 byte</numerusform>
            <numerusform>%1 bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::JsonTreeModel</name>
    <message numerus="yes">
        <source>%Ln field(s)</source>
        <translation>
            <numerusform>%Ln field</numerusform>
            <numerusform>%Ln fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::MainWindow</name>
    <message numerus="yes">
        <source>Leaving demo mode closes the %n open demo ticket(s).</source>
        <translation>
            <numerusform>Leaving demo mode closes the open demo ticket.</numerusform>
            <numerusform>Leaving demo mode closes the %n open demo tickets.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::NotesTab</name>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <translation>
            <numerusform>%Ln note</numerusform>
            <numerusform>%Ln notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln note(s)</source>
        <translation>
            <numerusform>%1 of %Ln note</numerusform>
            <numerusform>%1 of %Ln notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::QueuePanel</name>
    <message numerus="yes">
        <source>%n closed</source>
        <translation>
            <numerusform>%n closed</numerusform>
            <numerusform>%n closed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n open</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::StatisticsTab</name>
    <message numerus="yes">
        <source>%Ln entry(s)</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln entry(s)</source>
        <translation>
            <numerusform>%1 of %Ln entry</numerusform>
            <numerusform>%1 of %Ln entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::TicketHeader</name>
    <message numerus="yes">
        <source>%1 view(s)</source>
        <translation>
            <numerusform>%1 view</numerusform>
            <numerusform>%1 views</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln warning</numerusform>
            <numerusform>%Ln warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::TicketView</name>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n minute</numerusform>
            <numerusform>in %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n hour</numerusform>
            <numerusform>in %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n month(s)</source>
        <translation>
            <numerusform>in %n month</numerusform>
            <numerusform>in %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n year(s)</source>
        <translation>
            <numerusform>in %n year</numerusform>
            <numerusform>in %n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2 · %n new)</source>
        <translation>
            <numerusform>%1 (%2 · %n new)</numerusform>
            <numerusform>%1 (%2 · %n new)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::WatchSettingsPage</name>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Every minute</numerusform>
            <numerusform>Every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set by %1: every %n second(s)</source>
        <translation>
            <numerusform>Set by %1: every second</numerusform>
            <numerusform>Set by %1: every %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::Gui::WatchStatusLabel</name>
    <message numerus="yes">
        <source>Watching %n ticket(s)</source>
        <translation>
            <numerusform>Watching %n ticket</numerusform>
            <numerusform>Watching %n tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::TicketChanges</name>
    <message numerus="yes">
        <source>%n new note(s)</source>
        <translation>
            <numerusform>%n new note</numerusform>
            <numerusform>%n new notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new change(s)</source>
        <translation>
            <numerusform>%n new change</numerusform>
            <numerusform>%n new changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseLens::TicketList</name>
    <message numerus="yes">
        <source>%n closed ticket(s)</source>
        <translation>
            <numerusform>%n closed ticket</numerusform>
            <numerusform>%n closed tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open ticket(s)</source>
        <translation>
            <numerusform>%n open ticket</numerusform>
            <numerusform>%n open tickets</numerusform>
        </translation>
    </message>
</context>
</TS>
