/**
 * The values both kinds of port speak: queries and pages, migrations and dead letters that a driving adapter asks
 * for through {@code port.in} and a driven adapter answers through {@code port.out}. Here, so that driven ports never
 * depend on driving-port types (a rule in {@code HexagonRules}).
 */
package io.flagtrail.application.port.model;
