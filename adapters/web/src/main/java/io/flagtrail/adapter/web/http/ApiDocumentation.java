package io.flagtrail.adapter.web.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document's header, generated at compile time from the controllers (served at /openapi.yml). */
@OpenAPIDefinition(
        info = @Info(title = "Flagtrail", version = "${flagtrail.version}",
                description = "Feature flags with a tamper-evident audit trail. Errors are RFC 9457 problem+json.",
                license = @License(name = "Proprietary")),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "apiKey")})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "X-API-Key")
final class ApiDocumentation {

    private ApiDocumentation() {
    }
}
