package io.flagtrail.application.contract;

import io.flagtrail.application.fakes.InMemoryAuditLedger;
import io.flagtrail.application.fakes.InMemoryCheckpoints;
import io.flagtrail.application.fakes.InMemoryFeatures;
import io.flagtrail.application.fakes.InMemoryLoginAttempts;
import io.flagtrail.application.fakes.InMemoryOutbox;
import io.flagtrail.application.fakes.InMemoryPurgeRecords;
import io.flagtrail.application.fakes.InMemoryServerSecrets;
import io.flagtrail.application.fakes.InMemorySessions;
import io.flagtrail.application.fakes.InMemoryTransactions;
import io.flagtrail.application.fakes.InMemoryTree;
import io.flagtrail.application.fakes.InMemoryUsers;

/** The storage contract over the in-memory fakes, fresh for each test method. */
public class InMemoryPersistenceContractTest implements PersistenceContract {

    private final InMemoryAuditLedger ledger = new InMemoryAuditLedger();
    private final Stores stores = stores(ledger);

    /** Fresh in-memory stores, all-or-nothing together, for any test that needs the whole set. */
    public static Stores freshStores() {
        return stores(new InMemoryAuditLedger());
    }

    private static Stores stores(InMemoryAuditLedger ledger) {
        var features = new InMemoryFeatures();
        var projects = io.flagtrail.application.fakes.InMemoryProjects.seeded();
        Samples.addSolo(projects);
        var outbox = new InMemoryOutbox();
        var loginAttempts = new InMemoryLoginAttempts();
        var users = new InMemoryUsers();
        var sessions = new InMemorySessions().withUsers(users);
        var tree = new InMemoryTree(ledger);
        var changeRequests = new io.flagtrail.application.fakes.InMemoryChangeRequests();
        return new Stores(features, projects, ledger, ledger, tree, new InMemoryCheckpoints(), new InMemoryPurgeRecords(), outbox,
                new InMemoryTransactions(features, projects, ledger, tree, outbox, loginAttempts, sessions, users,
                        changeRequests),
                new InMemoryServerSecrets(), loginAttempts, sessions, users,
                new io.flagtrail.application.fakes.InMemoryWitnessedCheckpoints(), new io.flagtrail.application.fakes.OneTable(),
                changeRequests);
    }

    @Override
    public Stores stores() {
        return stores;
    }

    @Override
    public void refuseAuditEntriesWithReason(String reason) {
        ledger.refuse(entry -> reason.equals(entry.reason()));
    }
}
