package io.flagtrail.application.port.in;

/** Records that an identified caller was refused a route for lack of a role or scope (ACCESS_DENIED). */
public interface RecordAccessDeniedUseCase {

    void accessDenied(String method, String path, Origin origin);
}
