package io.flagtrail.adapter.web;

import io.flagtrail.application.port.in.LogInCommand;
import io.flagtrail.application.port.in.LogInUseCase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
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
import java.util.Map;

/** {@code POST /api/v1/auth/login}: e-mail and password in, a signed access token out. */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuthController {

    private final LogInUseCase logIn;
    private final TokenGenerator tokens;
    private final AccessTokenConfiguration accessTokens;

    AuthController(LogInUseCase logIn, TokenGenerator tokens, AccessTokenConfiguration accessTokens) {
        this.logIn = logIn;
        this.tokens = tokens;
        this.accessTokens = accessTokens;
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    TokenResponse login(HttpRequest<?> request, @Body LoginRequest body) {
        var user = logIn.logIn(new LogInCommand(body.email(),
                body.password() == null ? null : body.password().toCharArray(), Origins.context(request)));
        var authentication = Authentication.build(user.id().toString(),
                user.roles().stream().map(Enum::name).sorted().toList(),
                Map.of(Origins.EMAIL_CLAIM, user.email().value(), Origins.NAME_CLAIM, user.displayName()));
        int expiresIn = accessTokens.getExpiration();
        String token = tokens.generateToken(authentication, expiresIn)
                .orElseThrow(() -> new IllegalStateException("no access token could be signed"));
        return new TokenResponse(token, "Bearer", expiresIn);
    }

}
