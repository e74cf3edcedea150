/**
 * Everything the service does on its own, without a request: every instance runs each of these, and where only one
 * may act at a time a database lock decides (sealing, purging). A job only calls a use case and logs a failed round;
 * the next round retries.
 *
 * <table>
 *   <caption>The background jobs</caption>
 *   <tr><th>job</th><th>every</th><th>off with</th></tr>
 *   <tr><td>{@link io.flagtrail.bootstrap.jobs.SealerJob} seals new entries and signs checkpoints</td>
 *       <td>{@code flagtrail.ledger.seal-interval} (50 ms)</td><td>{@code flagtrail.ledger.sealer.enabled=false}</td></tr>
 *   <tr><td>{@link io.flagtrail.bootstrap.jobs.WitnessJob} compares the database with the witnesses, publishes checkpoints</td>
 *       <td>{@code flagtrail.ledger.witness.interval} (5 s), and at start</td><td>the CLI (it publishes after its own seal)</td></tr>
 *   <tr><td>{@link io.flagtrail.bootstrap.jobs.PurgeJob} purges entries past retention, legal holds kept</td>
 *       <td>{@code flagtrail.ledger.purge-interval} (1 h)</td><td>no {@code flagtrail.ledger.retention}</td></tr>
 *   <tr><td>{@link io.flagtrail.bootstrap.jobs.LedgerPartitionJob} keeps a partition span of room past the head
 *       (PostgreSQL)</td>
 *       <td>{@code flagtrail.ledger.partition-check-interval} (10 min), and at start</td><td>the CLI</td></tr>
 *   <tr><td>{@link io.flagtrail.bootstrap.jobs.FlagSnapshotJob} reloads the evaluation snapshot when features changed</td>
 *       <td>{@code flagtrail.evaluation.refresh-interval} (250 ms)</td><td>the CLI</td></tr>
 *   <tr><td>{@link io.flagtrail.bootstrap.jobs.OutboxRelay} delivers events, one thread per handler</td>
 *       <td>{@code flagtrail.events.poll-interval} (100 ms) when idle</td><td>{@code flagtrail.events.relay.enabled=false}</td></tr>
 *   <tr><td>{@link io.flagtrail.bootstrap.jobs.FileSinkRetentionJob} deletes expired event files</td>
 *       <td>1 h</td><td>no file sink</td></tr>
 *   <tr><td>{@link io.flagtrail.bootstrap.jobs.EventLogRetentionJob} trims the database event log</td>
 *       <td>{@code flagtrail.events.log-purge-interval} (1 h)</td><td>no {@code EVENTS_STORAGE=db}</td></tr>
 *   <tr><td>{@link io.flagtrail.bootstrap.jobs.SealingLagAlarm} logs when sealing falls behind</td>
 *       <td>{@code flagtrail.health.sealing-check-interval} (5 s)</td><td>the CLI</td></tr>
 * </table>
 */
package io.flagtrail.bootstrap.jobs;
