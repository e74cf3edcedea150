package io.flagtrail.application.port.in;

import io.flagtrail.domain.apikey.ApiKey;
import io.flagtrail.domain.apikey.ApiKeyScope;
import io.flagtrail.domain.project.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Managing API keys (ADMIN) and recognising one on a request; one service serves both. */
public final class ApiKeyUseCases {

    private ApiKeyUseCases() {
    }

    /** A new key and its secret, which is shown this once and never again. */
    public record CreatedApiKey(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "CreatedApiKey[key=" + key.id() + ", secret=***]";
        }
    }

    public interface ManageApiKeysUseCase {
        /**
         * A new key bound to one environment of one project ({@code boundTo}); {@code NotFound} naming the project or
         * the environment when there is none.
         */
        CreatedApiKey create(String name, Set<ApiKeyScope> scopes, Scope boundTo, Instant expiresAt, Origin origin);

        List<ApiKey> list();

        ApiKey revoke(UUID id, Origin origin);
    }

    /** The usable key this secret belongs to; {@code Unauthenticated} for anything else, always the same answer. */
    public interface AuthenticateApiKeyUseCase {
        ApiKey authenticate(String secret);
    }
}
