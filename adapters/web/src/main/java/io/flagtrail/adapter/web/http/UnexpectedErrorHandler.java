package io.flagtrail.adapter.web.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What no more specific handler answers. When the database cannot be reached (no connection within the pool's
 * timeout, a connection refused or reset) the answer is 503 problem+json {@code service.unavailable} with
 * Retry-After, so clients and load balancers back off and retry; nothing was changed, as every change is one
 * transaction. Text the database refuses (a NUL character) is a 400. Anything else is a 500 whose details stay in the log under the request id.
 */
@Singleton
final class UnexpectedErrorHandler implements ExceptionHandler<RuntimeException, HttpResponse<ProblemDetails>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";
    private static final String HIKARI_CLOSED = "Connection is closed";
    private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

    @Override
    public HttpResponse<ProblemDetails> handle(HttpRequest request, RuntimeException error) {
        if (databaseUnreachable(error)) {
            LOG.warn("database unreachable for {} {}: {}", request.getMethod(), LogSafe.text(request.getPath()),
                    LogSafe.text(String.valueOf(rootCause(error).getMessage())));
            return Problems.response(request, HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable",
                    "the database cannot be reached; nothing was changed, try again shortly", List.of())
                    .header("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (textRefusedByTheDatabase(error)) {
            return Problems.response(request, HttpStatus.BAD_REQUEST, "request.malformed",
                    "text in the request holds a character the database cannot store (NUL, U+0000)", List.of());
        }
        LOG.error("unexpected failure of {} {}", request.getMethod(), LogSafe.text(request.getPath()), error);
        return Problems.response(request, HttpStatus.INTERNAL_SERVER_ERROR, ProblemErrorResponseProcessor.SERVER_ERROR_CODE,
                ProblemErrorResponseProcessor.SERVER_ERROR_DETAIL, List.of());
    }

    /**
     * JDBC's connection failures: SQLState class 08, the pool's connection timeout, a refused socket, a recoverable
     * error, or a pooled connection the pool closed under the request because its socket broke (HikariCP then
     * answers "Connection is closed" without a SQLState).
     */
    static boolean databaseUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || HIKARI_CLOSED.equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL refuses NUL in text (SQLState 22021, "invalid byte sequence for encoding UTF8: 0x00"): what a client
     * sent in a body field or a value no door checked. The statement failed, so the transaction wrote nothing.
     */
    static boolean textRefusedByTheDatabase(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && CHARACTER_NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
