package io.flagtrail.adapter.persistence;

import java.sql.SQLException;

/** Recognises database errors by SQLSTATE, the same on PostgreSQL and H2, through any wrapping. */
public final class SqlErrors {

    public static final String UNIQUE_VIOLATION = "23505";
    /** Also PostgreSQL's "no partition of relation ... found for row". */
    public static final String CHECK_VIOLATION = "23514";

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
