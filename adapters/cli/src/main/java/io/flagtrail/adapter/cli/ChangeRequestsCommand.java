package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.ChangeRequestUseCases.FeatureEdit;
import io.flagtrail.application.port.in.ChangeRequestUseCases.Listing;
import io.flagtrail.application.port.in.ChangeRequestUseCases.ManageChangeRequestsUseCase;
import io.flagtrail.application.port.in.ChangeRequestUseCases.Propose;
import io.flagtrail.application.port.in.ChangeRequestUseCases.ReadChangeRequestsUseCase;
import io.flagtrail.application.port.in.ChangeRequestUseCases.Step;
import io.flagtrail.application.port.in.ChangeRequestUseCases.TakeStep;
import io.flagtrail.domain.changerequest.ChangeRequest;
import io.flagtrail.domain.changerequest.ChangeRequestState;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeaturePatch;
import io.flagtrail.domain.project.Scope;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * {@code flagtrail change-requests …}: the change requests of one environment (ADR 0014). The CLI proposes, submits,
 * withdraws, applies, schedules and cancels; it never approves, rejects or signs off, because only a person does, and
 * the CLI acts as the operating-system user (or an API key): those steps are taken over the API by the approver.
 */
@Command(name = "change-requests", mixinStandardHelpOptions = true, description = "Propose, apply and read change "
        + "requests of a protected environment (--project, --env: default/production unless given).")
final class ChangeRequestsCommand extends CliCommand {

    static final List<String> COLUMNS = List.of("id", "state", "title", "author", "version");

    @Inject ManageChangeRequestsUseCase manage;
    @Inject ReadChangeRequestsUseCase read;

    @Option(names = "--project", scope = ScopeType.INHERIT, defaultValue = "default",
            description = "The project (default: ${DEFAULT-VALUE}).")
    String project;

    @Option(names = "--env", scope = ScopeType.INHERIT, defaultValue = "production",
            description = "The environment (default: ${DEFAULT-VALUE}).")
    String environment;

    private Scope scope() {
        return FeaturesCommand.scope(project, environment);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The environment's requests, newest first.")
    int list(@Option(names = "--state", description = "draft, submitted, approved, scheduled, conflicted, rejected, "
                     + "withdrawn, applied, cancelled, review_pending or reviewed") String state,
             @Option(names = "--author", description = "Proposed by this actor (user:<id>, cli:<name>).") String author,
             @Option(names = "--approver", description = "Approved by this actor (user:<id>).") String approver,
             @Option(names = "--limit", defaultValue = "50") int limit, @Option(names = "--cursor") String cursor) {
        var states = state == null ? Set.<ChangeRequestState>of() : Set.of(state(state));
        printPage(read.list(new Listing(scope(), states, author, approver, limit, cursor)), ChangeRequestsCommand::view,
                COLUMNS);
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One request, with each change's before "
            + "and after.")
    int show(@Parameters(paramLabel = "ID") String id) {
        print(view(read.get(scope(), id(id))), COLUMNS);
        return 0;
    }

    @Command(name = "propose", mixinStandardHelpOptions = true, description = "Propose a change of one feature here, "
            + "submitted for approval (--draft keeps it a draft).")
    int propose(@Option(names = "--title", required = true) String title,
                @Option(names = "--feature", required = true, paramLabel = "KEY") String feature,
                @Option(names = "--enabled", paramLabel = "true|false", arity = "1") Boolean enabled,
                @Option(names = "--rollout") Integer rollout, @Option(names = "--name") String name,
                @Option(names = "--if-version", description = "The feature's version here that the change is based on.")
                Long version,
                @Option(names = "--draft") boolean draft) {
        var edit = new FeatureEdit(key(feature), version, new FeaturePatch(name, null, rollout, null, null), enabled,
                null);
        print(view(manage.propose(new Propose(scope(), title, List.of(edit), null, !draft, CliOrigin.current()))),
                COLUMNS);
        return 0;
    }

    @Command(name = "submit", mixinStandardHelpOptions = true, description = "Send a draft for approval (its author).")
    int submit(@Parameters(paramLabel = "ID") String id) {
        return step(id, Step.SUBMIT, null, null);
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true, description = "Take a request back (its author).")
    int withdraw(@Parameters(paramLabel = "ID") String id, @Option(names = "--reason", required = true) String reason) {
        return step(id, Step.WITHDRAW, reason, null);
    }

    @Command(name = "apply", mixinStandardHelpOptions = true, description = "Apply an approved request now.")
    int apply(@Parameters(paramLabel = "ID") String id) {
        var after = take(id, Step.APPLY, null, null);
        if (after.state() == ChangeRequestState.CONFLICTED) {
            // recorded as conflicted; the exit code says it was not applied
            throw new CliFailure(4, "not applied, and now conflicted: " + after.decision()
                    + "; its author rebases it over the API and it is approved again");
        }
        print(view(after), COLUMNS);
        return 0;
    }

    @Command(name = "schedule", mixinStandardHelpOptions = true, description = "Have the scheduler apply an approved "
            + "request at an instant after now.")
    int schedule(@Parameters(paramLabel = "ID") String id,
                 @Option(names = "--at", required = true, description = "An RFC 3339 instant.") String at) {
        return step(id, Step.SCHEDULE, null, instant("--at", at));
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Call off a scheduled application.")
    int cancel(@Parameters(paramLabel = "ID") String id, @Option(names = "--reason", required = true) String reason) {
        return step(id, Step.CANCEL, reason, null);
    }

    private int step(String id, Step step, String text, java.time.Instant at) {
        print(view(take(id, step, text, at)), COLUMNS);
        return 0;
    }

    /** The CLI holds no role where the request is: it is no approver, and needs none for these steps. */
    private ChangeRequest take(String id, Step step, String text, java.time.Instant at) {
        return manage.take(new TakeStep(scope(), id(id), step, text, at, null, Set.of(), CliOrigin.current()));
    }

    static Map<String, Object> view(ChangeRequest request) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", request.id().toString());
        view.putAll(request.snapshot());
        return view;
    }

    private static ChangeRequestState state(String state) {
        try {
            return ChangeRequestState.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("--state", "'" + state + "' is not a change request state");
        }
    }

    private static FeatureKey key(String key) {
        try {
            return new FeatureKey(key);
        } catch (InvalidInput e) {
            throw InvalidInput.of("--feature", "'" + key + "' is not a feature key");
        }
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("ID", "'" + id + "' is not a change request id");
        }
    }
}
