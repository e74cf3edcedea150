package io.flagtrail.application.port.out;

import java.util.List;

/**
 * Sealed entries stored apart by range of position (ADR 0011): on PostgreSQL, range partitions of
 * {@code audit_entries}, made ahead of the head and dropped whole once a signed purge covers them. A store that keeps
 * one table (H2) has none, and every method answers as much.
 */
public interface LedgerPartitions {

    /** Positions {@code from} (inclusive) to {@code to} (exclusive). */
    record Partition(long from, long to) {
    }

    /** In position order; empty where the store keeps one table. */
    List<Partition> list();

    /**
     * Adds partitions of {@code span} positions after the last until {@code room} positions past the head fit, and
     * answers those it added (none when there is room already, or no partitions at all).
     */
    List<Partition> makeRoom(long span, long room);

    /**
     * Drops the partition that starts at {@code from} when the latest purge record, within the latest checkpoint,
     * covers all of it and it keeps no entry (none retained by that record, none under a legal hold now); answers
     * whether it did. Refused (an exception) when the purge does not cover it.
     */
    boolean dropPurged(long from);
}
