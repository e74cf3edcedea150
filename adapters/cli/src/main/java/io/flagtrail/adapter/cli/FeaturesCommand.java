package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.CreateFeatureUseCase;
import io.flagtrail.application.port.in.FeatureAsOfUseCase;
import io.flagtrail.application.port.in.FeatureHistoryUseCase;
import io.flagtrail.application.port.model.FeatureListQuery;
import io.flagtrail.application.port.in.FeatureTransition;
import io.flagtrail.application.port.in.GetFeatureUseCase;
import io.flagtrail.application.port.in.ImportFeaturesUseCase;
import io.flagtrail.application.port.in.ListFeaturesUseCase;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.in.TransitionFeatureCommand;
import io.flagtrail.application.port.in.TransitionFeatureUseCase;
import io.flagtrail.application.port.in.UpdateFeatureCommand;
import io.flagtrail.application.port.in.UpdateFeatureUseCase;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.error.Violations;
import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/** {@code flagtrail features …}: every feature use case, with JSON input from a file or standard input. */
@Command(name = "features", mixinStandardHelpOptions = true, description = "Create, change and read features of a project, as one of its environments shows them "
        + "(--project, --env: default/production unless given).")
final class FeaturesCommand extends CliCommand {

    private static final String FILE = "JSON input: a file, or - for standard input";
    private static final String IF_VERSION = "Refuse the change unless the feature is at this version.";
    private static final String REASON = "Why (recorded in the audit trail).";

    @Inject CreateFeatureUseCase create;
    @Inject UpdateFeatureUseCase update;
    @Inject TransitionFeatureUseCase transition;
    @Inject GetFeatureUseCase get;
    @Inject ListFeaturesUseCase list;
    @Inject FeatureHistoryUseCase history;
    @Inject FeatureAsOfUseCase asOf;
    @Inject ImportFeaturesUseCase importer;

    @Option(names = "--project", scope = ScopeType.INHERIT, defaultValue = "default",
            description = "The project (default: ${DEFAULT-VALUE}).")
    String project;

    @Option(names = "--env", scope = ScopeType.INHERIT, defaultValue = "production",
            description = "The environment whose state is read or changed (default: ${DEFAULT-VALUE}).")
    String environment;

    /** Where the command reads and changes: {@code --project} and {@code --env}, default/production unless given. */
    private Scope scope() {
        return scope(project, environment);
    }

    /** A project and environment from options; each key that cannot be one is named. */
    static Scope scope(String project, String environment) {
        var checks = new Violations();
        var keys = new Object[2];
        checks.include(() -> keys[0] = new ProjectKey(project)).include(() -> keys[1] = new EnvironmentKey(environment))
                .throwIfAny();
        return new Scope((ProjectKey) keys[0], (EnvironmentKey) keys[1]);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List features by key.")
    int list(@Option(names = "--status", description = "ACTIVE (default) or DELETED") String status,
             @Option(names = "--tag") String tag,
             @Option(names = "--q", description = "Text in key, name or description.") String text,
             @Option(names = "--limit", defaultValue = "50") int limit,
             @Option(names = "--cursor") String cursor) {
        printPage(list.list(scope(), new FeatureListQuery(FeatureInput.status(status), tag, text, limit, cursor)), Views::feature,
                Views.FEATURE_COLUMNS);
        return 0;
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one feature, now or as it was then.")
    int get(@Parameters(paramLabel = "KEY") String key,
            @Option(names = "--as-of", description = "An RFC 3339 instant: the state then, rebuilt from the ledger.")
            String instant) {
        var featureKey = new FeatureKey(key);
        var feature = instant == null ? get.get(scope(), featureKey) : asOf.asOf(scope(), featureKey, instant("as-of", instant), CliOrigin.current());
        print(Views.feature(feature), Views.FEATURE_COLUMNS);
        return 0;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a feature from -f JSON {key, name, description, enabled, rolloutPercentage, tags, "
                    + "owner, variants, rules, defaultVariant, offVariant, reason} or from the options (a plain on/off "
                    + "feature).")
    int create(@Option(names = {"-f", "--file"}, description = FILE) String file,
               @Option(names = "--key") String key, @Option(names = "--name") String name,
               @Option(names = "--description") String description,
               @Option(names = "--rollout") Integer rollout, @Option(names = "--tags", split = ",") List<String> tags,
               @Option(names = "--owner") String owner, @Option(names = "--enabled") Boolean enabled,
               @Option(names = "--reason", description = REASON) String reason) {
        FeatureInput input;
        if (file != null) {
            requireNone("-f", key, name, description, rollout, tags, owner, enabled);
            input = JsonInput.object(file, FeatureInput.class, json).withReason(reason);
        } else {
            input = FeatureInput.of(key, name, description, enabled, rollout, tags, owner, reason);
        }
        print(Views.feature(create.create(input.command(scope(), CliOrigin.current()))), Views.FEATURE_COLUMNS);
        return 0;
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Change some fields: -f JSON {name, description, rolloutPercentage, tags, owner, variants, "
                    + "rules, defaultVariant, offVariant, reason} or the options.")
    int update(@Parameters(paramLabel = "KEY") String key,
               @Option(names = {"-f", "--file"}, description = FILE) String file,
               @Option(names = "--name") String name, @Option(names = "--description") String description,
               @Option(names = "--rollout") Integer rollout, @Option(names = "--tags", split = ",") List<String> tags,
               @Option(names = "--owner") String owner,
               @Option(names = "--if-version", description = IF_VERSION) Long version,
               @Option(names = "--reason", description = REASON) String reason) {
        FeaturePatchInput input;
        if (file != null) {
            requireNone("-f", name, description, rollout, tags, owner);
            input = JsonInput.object(file, FeaturePatchInput.class, json);
        } else {
            input = FeaturePatchInput.of(name, description, rollout, tags, owner);
        }
        var changed = update.update(new UpdateFeatureCommand(scope(), new FeatureKey(key), input.patch(), version,
                Reason.ofNullable(reason != null ? reason : input.reason()), CliOrigin.current()));
        print(Views.feature(changed), Views.FEATURE_COLUMNS);
        return 0;
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Switch a feature on.")
    int enable(@Parameters(paramLabel = "KEY") String key, @Option(names = "--if-version", description = IF_VERSION) Long version,
               @Option(names = "--reason", description = REASON) String reason) {
        return transition(key, FeatureTransition.ENABLE, version, reason);
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Switch a feature off.")
    int disable(@Parameters(paramLabel = "KEY") String key, @Option(names = "--if-version", description = IF_VERSION) Long version,
                @Option(names = "--reason", description = REASON) String reason) {
        return transition(key, FeatureTransition.DISABLE, version, reason);
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a feature (soft: it stays readable, keeps its history and can be restored).")
    int delete(@Parameters(paramLabel = "KEY") String key, @Option(names = "--if-version", description = IF_VERSION) Long version,
               @Option(names = "--reason", description = REASON) String reason) {
        return transition(key, FeatureTransition.DELETE, version, reason);
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, description = "Bring a deleted feature back.")
    int restore(@Parameters(paramLabel = "KEY") String key, @Option(names = "--if-version", description = IF_VERSION) Long version,
                @Option(names = "--reason", description = REASON) String reason) {
        return transition(key, FeatureTransition.RESTORE, version, reason);
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Who changed the feature, when, why, how.")
    int history(@Parameters(paramLabel = "KEY") String key, @Option(names = "--limit", defaultValue = "50") int limit,
                @Option(names = "--cursor") String cursor) {
        printPage(history.history(scope(), new FeatureKey(key), Page.limit(limit), cursor, CliOrigin.current()), Views::entry,
                Views.ENTRY_COLUMNS);
        return 0;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Create many features from a JSON array (as 'features export' writes) in one transaction: "
                    + "all of them, or none when any item is invalid, taken or repeated. Prints a result per item.")
    int importFeatures(@Option(names = {"-f", "--file"}, required = true, description = FILE) String file) {
        var items = JsonInput.array(file, FeatureInput.class, json);
        var checked = ImportReport.check(items, scope(), CliOrigin.current());
        if (checked.invalid() > 0) {
            print(ImportReport.summary(false, 0, 0, checked.items()));
            throw new CliFailure(2, checked.invalid() + " of " + items.size() + " items are invalid; nothing was imported");
        }
        long started = System.nanoTime();
        var result = importer.importAll(checked.commands());
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        print(ImportReport.summary(result.imported(), result.imported() ? result.items().size() : 0, elapsed,
                result.items().stream().map(r -> ImportReport.item(r.index(), r.key(), r.outcome().name(), r.message()))
                        .toList()));
        if (!result.imported()) {
            throw new CliFailure(4, "nothing was imported: see the items marked KEY_TAKEN or DUPLICATE_IN_BATCH");
        }
        return 0;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Every feature as a JSON array that 'features import' reads.")
    int export(@Option(names = "--status", description = "ACTIVE (default) or DELETED") String status) {
        var all = new ArrayList<FeatureInput>();
        String cursor = null;
        do {
            var page = list.list(scope(), new FeatureListQuery(FeatureInput.status(status), null, null, Page.MAX_LIMIT, cursor));
            page.items().forEach(f -> all.add(FeatureInput.exported(f)));
            cursor = page.nextCursor();
        } while (cursor != null);
        print(all);
        return 0;
    }

    private int transition(String key, FeatureTransition kind, Long version, String reason) {
        FeatureState changed = transition.transition(new TransitionFeatureCommand(scope(), new FeatureKey(key), kind, version,
                Reason.ofNullable(reason), CliOrigin.current()));
        print(Views.feature(changed), Views.FEATURE_COLUMNS);
        return 0;
    }
}
