package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.audit.Channel;
import io.flagtrail.domain.audit.RequestContext;
import java.util.UUID;

/** Who acts through the CLI: the operating-system user ({@code cli:<user>}), on channel CLI. */
final class CliOrigin {

    /** The API key the run authenticated with (CLI_AUTH_REQUIRED), named in the actor; null without one. */
    private static volatile String viaKey;

    private CliOrigin() {
    }

    static void authenticatedWith(String keyName) {
        viaKey = keyName;
    }

    static Origin current() {
        String user = System.getProperty("user.name", "unknown");
        var actor = new Actor(ActorType.CLI, user, "cli:" + user + (viaKey == null ? "" : " (API key " + viaKey + ")"),
                null);
        return new Origin(actor, new RequestContext("cli-" + UUID.randomUUID(), null, Channel.CLI, null,
                "flagtrail-cli/" + Version.current()));
    }
}
