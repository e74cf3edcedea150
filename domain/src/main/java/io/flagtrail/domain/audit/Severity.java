package io.flagtrail.domain.audit;

/** How much attention an entry deserves, in syslog's order. */
public enum Severity {
    INFO, NOTICE, WARNING, CRITICAL
}
