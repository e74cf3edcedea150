package io.flagtrail.domain.error;

import java.time.Duration;

/** Something the request needs (an external signer, say) cannot serve it now; nothing was changed: try again later. */
public final class Unavailable extends TryLater {

    public Unavailable(String code, String message, Duration retryAfter) {
        super(code, message, retryAfter);
    }
}
