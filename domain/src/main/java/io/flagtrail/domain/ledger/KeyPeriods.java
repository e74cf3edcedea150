package io.flagtrail.domain.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects {@link KeyPeriod}s from signatures seen one at a time, in the order the keys first appeared. */
public final class KeyPeriods {

    private final Map<String, KeyPeriod> periods = new LinkedHashMap<>();

    public void signed(String keyId, Instant issuedAt) {
        periods.merge(keyId, new KeyPeriod(keyId, issuedAt, issuedAt), (known, one) -> known.with(issuedAt));
    }

    public List<KeyPeriod> periods() {
        return List.copyOf(periods.values());
    }
}
