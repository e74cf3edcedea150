/**
 * The composition root, one factory per area: {@link io.flagtrail.bootstrap.wiring.FeatureWiring features},
 * {@link io.flagtrail.bootstrap.wiring.LedgerWiring the ledger}, {@link io.flagtrail.bootstrap.wiring.IdentityWiring
 * identity} and {@link io.flagtrail.bootstrap.wiring.EventWiring events}. Each wires that area's services onto the
 * adapters by hand, so that domain and application carry no framework annotation, and reads its settings from one
 * {@code @ConfigurationProperties} record per prefix (the defaults written there are the documented ones).
 */
package io.flagtrail.bootstrap.wiring;
