package io.flagtrail.adapter.web.evaluation;

import io.flagtrail.adapter.web.http.OwnBodyReader;
import io.flagtrail.adapter.web.http.Scopes;
import io.flagtrail.application.port.in.EvaluateFlagsUseCase;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.evaluation.Evaluation;
import io.flagtrail.domain.evaluation.EvaluationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenFeature Remote Evaluation Protocol (OFREP): {@code POST /ofrep/v1/evaluate/flags/{key}} and the bulk
 * {@code POST /ofrep/v1/evaluate/flags} (with ETag and If-None-Match). Answers from the in-memory snapshot, on the
 * event loop (nothing here blocks). Errors in OFREP's own shape: {@code {key, errorCode, errorDetails}}.
 * An API key with scope {@code evaluate}, or any reader's token. An API key is answered from the snapshot of the
 * environment it is bound to; a token from the default project's production (ADR 0012).
 */
@Controller(OfrepController.PATH)
@OfrepResponses
@Tag(name = "Evaluation (OFREP)")
@Secured({"EVALUATE", "VIEWER"})
public final class OfrepController {

    static final String PATH = "/ofrep/v1/evaluate/flags";

    @Serdeable
    @OwnBodyReader
    @Schema(name = "EvaluationRequest")
    public record OfrepRequest(@Nullable Map<String, Object> context) {
    }

    @Serdeable
    @Schema(name = "EvaluationSuccess")
    record OfrepEvaluation(String key, Object value, String reason, String variant, Map<String, Object> metadata) {
        static OfrepEvaluation of(Evaluation e) {
            return new OfrepEvaluation(e.key(), e.value(), e.reason().name(), e.variant(), Map.of());
        }
    }

    @Serdeable
    @Schema(name = "EvaluationFailure")
    record OfrepError(@Nullable @Schema(description = "the flag asked for; null for a bulk request") String key,
                      String errorCode, String errorDetails) {
    }

    @Serdeable
    @Schema(name = "BulkEvaluationSuccess")
    record OfrepBulk(List<OfrepEvaluation> flags) {
    }

    private final EvaluateFlagsUseCase flags;

    OfrepController(EvaluateFlagsUseCase flags) {
        this.flags = flags;
    }

    @Post("/{key}")
    @Operation(operationId = "evaluateFlag", summary = "Evaluate one flag for a context")
    @ApiResponse(responseCode = "200", description = "the evaluation", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OfrepEvaluation.class)))
    @ApiResponse(responseCode = "404", description = "FLAG_NOT_FOUND: no such flag, or it is deleted", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OfrepError.class)))
    MutableHttpResponse<?> evaluate(@Nullable Authentication caller, @PathVariable String key,
                                    @Nullable @Body OfrepRequest body) {
        try {
            return HttpResponse.ok(OfrepEvaluation.of(flags.evaluate(Scopes.servedTo(caller), key, context(body))));
        } catch (NotFound e) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(new OfrepError(key, "FLAG_NOT_FOUND", e.getMessage()));
        } catch (InvalidInput e) {
            String code = e.violations().stream().anyMatch(v -> v.field().equals("targetingKey"))
                    ? "TARGETING_KEY_MISSING" : "INVALID_CONTEXT";
            return HttpResponse.badRequest(new OfrepError(key, code, e.getMessage()));
        }
    }

    @Post
    @Operation(operationId = "evaluateAllFlags", summary = "Evaluate every flag for a context (ETag and If-None-Match)")
    @ApiResponse(responseCode = "200", description = "every flag that can be evaluated for the context", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OfrepBulk.class)))
    @ApiResponse(responseCode = "304", description = "no flag changed since the ETag in If-None-Match")
    MutableHttpResponse<?> evaluateAll(@Nullable Authentication caller, @Nullable @Body OfrepRequest body,
                                       @Nullable @Header("If-None-Match") String ifNoneMatch) {
        var scope = Scopes.servedTo(caller);
        String etag = "\"" + flags.version(scope) + "\"";
        if (etag.equals(ifNoneMatch)) {
            return HttpResponse.notModified().header("ETag", etag);
        }
        try {
            var bulk = flags.evaluateAll(scope, context(body));
            return HttpResponse.ok(new OfrepBulk(bulk.evaluations().stream().map(OfrepEvaluation::of).toList()))
                    .header("ETag", "\"" + bulk.version() + "\"");
        } catch (InvalidInput e) {
            return HttpResponse.badRequest(new OfrepError(null, "INVALID_CONTEXT", e.getMessage()));
        }
    }

    /**
     * A body that is not JSON, or not an object with an object {@code context}: OFREP's PARSE_ERROR, in its shape
     * (local to this controller; the rest of the API answers problem+json).
     */
    @Error(exception = ConversionErrorException.class)
    MutableHttpResponse<OfrepError> unconvertible(HttpRequest<?> request) {
        return parseError(request);
    }

    @Error(exception = JsonSyntaxException.class)
    MutableHttpResponse<OfrepError> notJson(HttpRequest<?> request) {
        return parseError(request);
    }

    private static MutableHttpResponse<OfrepError> parseError(HttpRequest<?> request) {
        String path = request.getPath();
        String key = path.startsWith(PATH + "/") ? path.substring(PATH.length() + 1) : null;
        return HttpResponse.badRequest(new OfrepError(key, "PARSE_ERROR",
                "the body must be a JSON object such as {\"context\": {\"targetingKey\": \"user-1\"}}"));
    }

    private static EvaluationContext context(OfrepRequest body) {
        var given = body == null || body.context() == null ? Map.<String, Object>of() : body.context();
        Object targetingKey = given.get("targetingKey");
        if (targetingKey != null && !(targetingKey instanceof String)) {
            throw InvalidInput.of("context.targetingKey", "must be a string");
        }
        var attributes = new HashMap<String, Object>(given);
        attributes.remove("targetingKey");
        attributes.values().removeIf(java.util.Objects::isNull);
        return new EvaluationContext((String) targetingKey, attributes);
    }
}
