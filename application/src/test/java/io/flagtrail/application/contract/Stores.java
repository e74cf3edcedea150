package io.flagtrail.application.contract;

import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.Checkpoints;
import io.flagtrail.application.port.out.EventPublisher;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.application.port.out.LedgerChain;
import io.flagtrail.application.port.out.LedgerPartitions;
import io.flagtrail.application.port.out.LedgerRetention;
import io.flagtrail.application.port.out.LedgerTree;
import io.flagtrail.application.port.out.LoginAttempts;
import io.flagtrail.application.port.out.Projects;
import io.flagtrail.application.port.out.ServerSecrets;
import io.flagtrail.application.port.out.Sessions;
import io.flagtrail.application.port.out.ChangeRequests;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.application.port.out.WitnessedCheckpoints;

/** The driven storage ports of one implementation (the JDBC adapters on a database, or the in-memory fakes). */
public record Stores(Features features, Projects projects, AuditLedger ledger, LedgerChain chain, LedgerTree tree, Checkpoints checkpoints,
                     LedgerRetention retention, EventPublisher events, Transactions transactions, ServerSecrets secrets,
                     LoginAttempts loginAttempts, Sessions sessions, Users users, WitnessedCheckpoints witnessed,
                     LedgerPartitions partitions, ChangeRequests changeRequests) {
}
