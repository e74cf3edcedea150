package io.flagtrail.adapter.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.claims.ClaimsAudienceProvider;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * What makes a JWT one of our access tokens, beyond its signature: our audience ({@code aud}, set here for the
 * generator and checked by Micronaut's audience validator with the issuer and not-before validators, see
 * application.yml) and the token type claim {@code token_use = access}, so that no other token signed with the
 * same key is taken for an access token.
 */
@Singleton
final class AccessTokenRules implements ClaimsAudienceProvider, GenericJwtClaimsValidator<Object> {

    static final String TOKEN_USE = "token_use";
    static final String ACCESS = "access";

    private final String audience;

    AccessTokenRules(@Value("${micronaut.security.token.jwt.claims-validators.audience:flagtrail-api}") String audience) {
        this.audience = audience;
    }

    @Override
    public List<String> audience() {
        return List.of(audience);
    }

    @Override
    public boolean validate(Claims claims, Object request) {
        return ACCESS.equals(claims.get(TOKEN_USE));
    }
}
