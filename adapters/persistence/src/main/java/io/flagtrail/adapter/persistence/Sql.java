package io.flagtrail.adapter.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Hand-written SQL for what generated repositories cannot express (dynamic filters, compare-and-set updates).
 * Each call joins the caller's transaction, or opens a short one of its own when there is none.
 */
@Singleton
public final class Sql {

    /** Reads what a query returned. */
    @FunctionalInterface
    public interface Reader<R> {
        R read(ResultSet resultSet) throws SQLException;
    }

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;
    private volatile Boolean postgres;

    Sql(JdbcOperations jdbc, TransactionOperations<Connection> transactions, ConnectionOperations<Connection> connections) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.connections = connections;
    }

    /**
     * One read that needs no transaction of its own (a single statement sees one snapshot anyway): in autocommit, so
     * it costs one round trip instead of three. Joins the caller's transaction when there is one.
     */
    public <R> R lookUp(String sql, List<?> args, Reader<R> reader) {
        if (connections.findConnectionStatus().isPresent()) {
            return query(sql, args, reader);
        }
        return connections.executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            bind(statement, args);
            try (var resultSet = statement.executeQuery()) {
                return reader.read(resultSet);
            }
        }));
    }

    /** {@link #lookUp} of every row, each read by {@code row}. */
    public <E> List<E> lookUpList(String sql, List<?> args, Reader<E> row) {
        return lookUp(sql, args, Sql.rows(row));
    }

    public <R> R query(String sql, List<?> args, Reader<R> reader) {
        return transactions.executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            bind(statement, args);
            try (var resultSet = statement.executeQuery()) {
                return reader.read(resultSet);
            }
        }));
    }

    /** Every row of a query, each read by {@code row} (called once per row, positioned on it). */
    public <E> List<E> list(String sql, List<?> args, Reader<E> row) {
        return query(sql, args, rows(row));
    }

    private static <E> Reader<List<E>> rows(Reader<E> row) {
        return resultSet -> {
            var rows = new ArrayList<E>();
            while (resultSet.next()) {
                rows.add(row.read(resultSet));
            }
            return rows;
        };
    }

    /** The rows of a query as entities of a {@code @MappedEntity} type, read in full. */
    public <E> List<E> entities(String sql, List<?> args, Class<E> type) {
        return query(sql, args, resultSet -> {
            try (Stream<E> rows = jdbc.entityStream(resultSet, type)) {
                return rows.toList();
            }
        });
    }

    /**
     * Streams a query's rows, mapped, to {@code each} until it says stop, with the given fetch size (a server-side
     * cursor on PostgreSQL). A second thread reads and maps rows ahead of {@code each}, so that the database sends the
     * next rows while the caller works on the last ones: memory stays bounded by the read-ahead.
     */
    public <T> void stream(String sql, List<?> args, int fetchSize, Reader<T> mapper, Predicate<T> each) {
        transactions.executeRead(status -> jdbc.prepareStatement(sql, statement -> {
            bind(statement, args);
            statement.setFetchSize(fetchSize);
            try (var resultSet = statement.executeQuery()) {
                new ReadAhead<>(resultSet, mapper).drainTo(each);
            }
            return null;
        }));
    }

    /** One statement run for many rows in a single round trip; answers the rows each run changed. */
    public int[] batch(String sql, List<List<?>> rows) {
        return transactions.executeWrite(status -> jdbc.prepareStatement(sql, statement -> {
            for (var row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            return statement.executeBatch();
        }));
    }

    /**
     * Within the caller's transaction, takes the PostgreSQL advisory lock {@code key} for this schema (the key is
     * combined with the schema's name: advisory locks belong to the whole database, and installations or test
     * schemas side by side must not block each other); false when another session holds it. On H2, one process
     * owns the database, so always true.
     */
    public boolean tryAdvisoryLock(long key) {
        return !postgres() || query("SELECT pg_try_advisory_xact_lock(CAST(? AS bigint) "
                + "# CAST(hashtext(current_schema()) AS bigint))", List.of(key), rs -> rs.next() && rs.getBoolean(1));
    }

    /** Whether the database is PostgreSQL (else it is the embedded H2); asked once. */
    public boolean postgres() {
        if (postgres == null) {
            postgres = transactions.executeRead(status -> jdbc.execute(connection ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                            .contains("postgres")));
        }
        return postgres;
    }

    public int update(String sql, List<?> args) {
        return transactions.executeWrite(status -> jdbc.prepareStatement(sql, statement -> {
            bind(statement, args);
            return statement.executeUpdate();
        }));
    }

    private static void bind(PreparedStatement statement, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
        }
    }
}
