package io.flagtrail.adapter.web.feature;

import io.flagtrail.adapter.web.audit.AuditEntryResponse;
import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.PageResponse;
import io.flagtrail.adapter.web.http.Params;
import io.flagtrail.adapter.web.http.ReasonRequest;
import io.flagtrail.adapter.web.http.Scopes;
import io.flagtrail.adapter.web.http.Versions;
import io.flagtrail.adapter.web.identity.ScopedRoles;
import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.application.port.in.CreateFeatureUseCase;
import io.flagtrail.application.port.in.FeatureAsOfUseCase;
import io.flagtrail.application.port.in.FeatureHistoryUseCase;
import io.flagtrail.application.port.in.FeatureTransition;
import io.flagtrail.application.port.in.GetFeatureUseCase;
import io.flagtrail.application.port.in.ListFeaturesUseCase;
import io.flagtrail.application.port.in.TransitionFeatureCommand;
import io.flagtrail.application.port.in.TransitionFeatureUseCase;
import io.flagtrail.application.port.in.UpdateFeatureCommand;
import io.flagtrail.application.port.in.UpdateFeatureUseCase;
import io.flagtrail.application.port.model.FeatureListQuery;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.feature.FeatureStatus;
import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.project.Scope;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.net.URI;

/**
 * What every feature route does, whichever path names the scope: the compatibility routes
 * ({@code /api/v1/features}, the default project's production) and the routes of one environment of one project
 * ({@code /api/v1/projects/{project}/environments/{environment}/features}) answer alike, each feature as that
 * environment shows it, its version (that environment's) as ETag. An API key bound to another environment is
 * refused (403) on every one of them.
 *
 * <p>A caller's roles here include their grants in this environment ({@code ScopedSecuredAnnotationRule}). What
 * changes what every environment serves (variants, deletion, restoration) needs EDITOR throughout the project;
 * creating a feature, and its name, description, tags and owner, need EDITOR here only: the feature is off
 * everywhere else, and those fields change no evaluation.
 */
@Singleton
final class FeatureRoutes {

    private final CreateFeatureUseCase create;
    private final UpdateFeatureUseCase update;
    private final TransitionFeatureUseCase transition;
    private final GetFeatureUseCase get;
    private final ListFeaturesUseCase list;
    private final FeatureHistoryUseCase history;
    private final FeatureAsOfUseCase asOf;
    private final ScopedRoles roles;

    FeatureRoutes(CreateFeatureUseCase create, UpdateFeatureUseCase update, TransitionFeatureUseCase transition,
                  GetFeatureUseCase get, ListFeaturesUseCase list, FeatureHistoryUseCase history,
                  FeatureAsOfUseCase asOf, ScopedRoles roles) {
        this.roles = roles;
        this.create = create;
        this.update = update;
        this.transition = transition;
        this.get = get;
        this.list = list;
        this.history = history;
        this.asOf = asOf;
    }

    /** Where a feature of {@code scope} is found: the compatibility path for its scope, else the project path. */
    static String location(Scope scope, FeatureState feature) {
        var base = scope.equals(Scope.COMPATIBILITY) ? "/api/v1/features/"
                : "/api/v1/projects/" + scope.project() + "/environments/" + scope.environment() + "/features/";
        return base + feature.key().value();
    }

    MutableHttpResponse<FeatureResponse> create(Scope scope, HttpRequest<?> request, Authentication user,
                                                CreateFeatureRequest body, String reasonHeader) {
        Scopes.requireReachable(user, scope);
        var created = create.create(CreateFeatureCommand.of(scope, body.key(), body.name(), body.description(),
                body.rolloutPercentage(), body.tags(), body.owner(), body.targeting(), body.enabled(),
                ReasonRequest.of(body.reason(), reasonHeader), Origins.of(request, user)));
        return withEtag(HttpResponse.created(FeatureResponse.from(created), URI.create(location(scope, created))), created);
    }

    MutableHttpResponse<FeatureResponse> update(Scope scope, HttpRequest<?> request, Authentication user, String key,
                                                UpdateFeatureRequest body, String ifMatch, String reasonHeader) {
        Scopes.requireReachable(user, scope);
        if (body.patch().targeting().variants() != null) {
            roles.requireThroughout(user, "EDITOR", scope.project(), "changing the variants");
        }
        var updated = update.update(new UpdateFeatureCommand(scope, new FeatureKey(key), body.patch(),
                Versions.fromIfMatch(ifMatch), Reason.ofNullable(ReasonRequest.of(body.reason(), reasonHeader)),
                Origins.of(request, user)));
        return withEtag(HttpResponse.ok(FeatureResponse.from(updated)), updated);
    }

    MutableHttpResponse<FeatureResponse> transition(Scope scope, HttpRequest<?> request, Authentication user,
                                                    String key, FeatureTransition kind, ReasonRequest body,
                                                    String ifMatch, String reasonHeader) {
        Scopes.requireReachable(user, scope);
        if (kind == FeatureTransition.DELETE || kind == FeatureTransition.RESTORE) {
            roles.requireThroughout(user, "EDITOR", scope.project(),
                    kind == FeatureTransition.DELETE ? "deleting a feature" : "restoring a feature");
        }
        var reason = Reason.ofNullable(ReasonRequest.of(body == null ? null : body.reason(), reasonHeader));
        var changed = transition.transition(new TransitionFeatureCommand(scope, new FeatureKey(key), kind,
                Versions.fromIfMatch(ifMatch), reason, Origins.of(request, user)));
        return withEtag(HttpResponse.ok(FeatureResponse.from(changed)), changed);
    }

    PageResponse<FeatureResponse> list(Scope scope, Authentication user, String status, String tag, String q, String limit, String cursor) {
        Scopes.requireReachable(user, scope);
        var page = list.list(scope, new FeatureListQuery(Params.enumValue(FeatureStatus.class, "status", status), tag,
                q, Params.limit(limit), cursor));
        return new PageResponse<>(page.items().stream().map(FeatureResponse::from).toList(), page.nextCursor());
    }

    MutableHttpResponse<FeatureResponse> get(Scope scope, HttpRequest<?> request, Authentication user, String key,
                                             String asOfParam, String ifNoneMatch) {
        Scopes.requireReachable(user, scope);
        var instant = Params.instant("asOf", asOfParam);
        var feature = instant == null ? get.get(scope, new FeatureKey(key))
                : asOf.asOf(scope, new FeatureKey(key), instant, Origins.of(request, user));
        if (Versions.etag(feature.version()).equals(ifNoneMatch)) {
            return withEtag(HttpResponse.status(HttpStatus.NOT_MODIFIED), feature);
        }
        return withEtag(HttpResponse.ok(FeatureResponse.from(feature)), feature);
    }

    PageResponse<AuditEntryResponse> history(Scope scope, HttpRequest<?> request, Authentication user, String key,
                                             String limit, String cursor) {
        Scopes.requireReachable(user, scope);
        var page = history.history(scope, new FeatureKey(key), Params.limit(limit), cursor, Origins.of(request, user));
        return new PageResponse<>(page.items().stream().map(AuditEntryResponse::from).toList(), page.nextCursor());
    }

    /** The answer with the feature's version as its ETag, as every answer that shows one feature has. */
    private static <T> MutableHttpResponse<T> withEtag(MutableHttpResponse<T> response, FeatureState feature) {
        return response.header("ETag", Versions.etag(feature.version()));
    }
}
