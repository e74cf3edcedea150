package io.flagtrail.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Predicate;

/**
 * Reads a result set on a virtual thread, in chunks, into a small bounded queue that the calling thread drains.
 * The result set is only ever touched by the reading thread; the caller only sees mapped rows.
 */
final class ReadAhead<T> {

    private static final int CHUNK = 256;
    private static final int CHUNKS_AHEAD = 8;

    /** What the reader hands over: rows, or the end, or its failure. */
    private record Chunk<T>(List<T> rows, boolean last, Throwable failure) {
    }

    private final ResultSet resultSet;
    private final Sql.Reader<T> mapper;
    private final BlockingQueue<Chunk<T>> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private volatile boolean stopped;

    ReadAhead(ResultSet resultSet, Sql.Reader<T> mapper) {
        this.resultSet = resultSet;
        this.mapper = mapper;
    }

    void drainTo(Predicate<T> each) throws SQLException {
        var reader = Thread.ofVirtual().name("read-ahead").start(this::read);
        try {
            while (true) {
                var chunk = queue.take();
                if (chunk.failure() != null) {
                    throw chunk.failure() instanceof SQLException sql ? sql : new SQLException(chunk.failure());
                }
                for (T row : chunk.rows()) {
                    if (!each.test(row)) {
                        return;
                    }
                }
                if (chunk.last()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while streaming rows", e);
        } finally {
            stopped = true;
            while (reader.isAlive()) {
                queue.clear();
                try {
                    reader.join(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    private void read() {
        try {
            var rows = new ArrayList<T>(CHUNK);
            while (!stopped && resultSet.next()) {
                rows.add(mapper.read(resultSet));
                if (rows.size() == CHUNK) {
                    queue.put(new Chunk<>(rows, false, null));
                    rows = new ArrayList<>(CHUNK);
                }
            }
            queue.put(new Chunk<>(rows, true, null));
        } catch (Throwable e) {
            if (!stopped) {
                try {
                    queue.put(new Chunk<>(List.of(), true, e));
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
