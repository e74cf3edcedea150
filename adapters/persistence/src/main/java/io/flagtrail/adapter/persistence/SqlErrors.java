package io.flagtrail.adapter.persistence;

import java.sql.SQLException;

/** Recognises database errors by SQLSTATE, the same on PostgreSQL and H2, through any wrapping. */
public final class SqlErrors {

    public static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    public static boolean hasState(Throwable error, String state) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
