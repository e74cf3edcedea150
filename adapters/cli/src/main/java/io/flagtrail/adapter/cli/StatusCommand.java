package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.flagtrail.application.port.in.ManageDatabaseUseCase;
import io.flagtrail.application.port.in.ManageEventDispatchUseCase;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;

/** {@code flagtrail status}: version, database, ledger head and sealing, outbox lag. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Version, database, ledger head and outbox lag.")
final class StatusCommand extends CliCommand implements java.util.concurrent.Callable<Integer> {

    @Inject ManageDatabaseUseCase database;
    @Inject LedgerStatusUseCase ledger;
    @Inject ManageEventDispatchUseCase events;

    @Override
    public Integer call() {
        var ledgerStatus = ledger.status();
        var dispatch = events.status();
        var status = new LinkedHashMap<String, Object>();
        status.put("version", Version.current());
        status.put("database", database.describe());
        status.put("ledgerSize", ledgerStatus.size());
        status.put("ledgerHead", ledgerStatus.headHash());
        status.put("unsealed", ledgerStatus.unsealed());
        status.put("latestCheckpoint", ledgerStatus.latestCheckpoint() == null ? null
                : ledgerStatus.latestCheckpoint().size());
        status.put("eventsRecording", dispatch.recording());
        status.put("eventsPaused", dispatch.paused());
        status.put("outboxLagMillis", dispatch.lagMillis());
        print(status);
        return 0;
    }
}
