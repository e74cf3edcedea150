package io.flagtrail.adapter.web.identity;

import io.flagtrail.domain.user.Grant;
import io.flagtrail.adapter.web.http.AnonymousOperation;
import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.ProblemDetails;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.application.port.in.IssuedSession;
import io.flagtrail.application.port.in.LogInCommand;
import io.flagtrail.application.port.in.LogInUseCase;
import io.flagtrail.application.port.in.SessionUseCases.EndSessionUseCase;
import io.flagtrail.application.port.in.SessionUseCases.RefreshSessionUseCase;
import io.flagtrail.application.port.in.SessionUseCases.StartSessionUseCase;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/v1/auth}: log in (e-mail and password in; a short-lived access token and a refresh token out),
 * refresh (spend the refresh token for new ones) and log out (the session ends at once).
 */
@Controller("/api/v1/auth")
@ProblemResponses
@Tag(name = "Authentication")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuthController {

    /** The claim that names the session an access token belongs to, checked on every request. */
    static final String SESSION_CLAIM = "sid";

    @Serdeable
    @Schema(name = "RefreshRequest")
    record RefreshRequest(@Nullable String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[refreshToken=***]";
        }
    }

    private final LogInUseCase logIn;
    private final StartSessionUseCase start;
    private final RefreshSessionUseCase refresh;
    private final EndSessionUseCase end;
    private final TokenGenerator tokens;
    private final AccessTokenConfiguration accessTokens;
    private final SessionCookies cookies;
    private final Duration refreshLifetime;

    AuthController(LogInUseCase logIn, StartSessionUseCase start, RefreshSessionUseCase refresh,
                   EndSessionUseCase end, TokenGenerator tokens, AccessTokenConfiguration accessTokens,
                   SessionCookies cookies,
                   @Value("${flagtrail.security.refresh-token-lifetime:14d}") Duration refreshLifetime) {
        this.cookies = cookies;
        this.refreshLifetime = refreshLifetime;
        this.logIn = logIn;
        this.start = start;
        this.refresh = refresh;
        this.end = end;
        this.tokens = tokens;
        this.accessTokens = accessTokens;
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @AnonymousOperation
    @Operation(operationId = "logIn", summary = "Log in with e-mail and password; answers an access and a refresh token")
    @ApiResponse(responseCode = "429", description = "too many failed logins from this address; see Retry-After", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    MutableHttpResponse<TokenResponse> login(HttpRequest<?> request, @Body LoginRequest body) {
        var context = Origins.context(request);
        var user = logIn.logIn(new LogInCommand(body.email(),
                body.password() == null ? null : body.password().toCharArray(), context));
        return cookies.answer(tokens(start.start(user, context)), refreshLifetime);
    }

    /** The refresh token from the body, or (AUTH_METHOD=session) from its cookie. */
    @Post("/refresh")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @AnonymousOperation
    @Operation(operationId = "refreshSession", summary = "Trade a refresh token for new tokens (the old one is spent)")
    MutableHttpResponse<TokenResponse> refresh(HttpRequest<?> request, @Nullable @Body RefreshRequest body) {
        String token = body != null && body.refreshToken() != null ? body.refreshToken()
                : request.getCookies().findCookie(SessionCookies.REFRESH).map(c -> c.getValue()).orElse(null);
        return cookies.answer(tokens(refresh.refresh(token, Origins.context(request))), refreshLifetime);
    }

    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "logOut", summary = "End the caller's session")
    @io.micronaut.http.annotation.Status(io.micronaut.http.HttpStatus.NO_CONTENT)
    MutableHttpResponse<Void> logout(HttpRequest<?> request, Authentication user) {
        Object session = user.getAttributes().get(SESSION_CLAIM);
        if (session != null) {
            end.logOut(UUID.fromString(session.toString()), Origins.of(request, user));
        }
        return cookies.clear(HttpResponse.noContent());
    }

    private TokenResponse tokens(IssuedSession session) {
        var user = session.user();
        var claims = new HashMap<String, Object>(Map.of(Origins.EMAIL_CLAIM, user.email().value(),
                Origins.NAME_CLAIM, user.displayName(), SESSION_CLAIM, session.sessionId().toString(),
                "token_use", "access"));
        if (!user.grants().isEmpty()) {
            claims.put(ScopedRoles.GRANTS_CLAIM, Grant.written(user.grants()));
        }
        var authentication = Authentication.build(user.id().toString(),
                user.roles().stream().map(Enum::name).sorted().toList(), claims);
        int expiresIn = accessTokens.getExpiration();
        String token = tokens.generateToken(authentication, expiresIn)
                .orElseThrow(() -> new IllegalStateException("no access token could be signed"));
        return new TokenResponse(token, "Bearer", expiresIn, session.refreshToken());
    }
}
