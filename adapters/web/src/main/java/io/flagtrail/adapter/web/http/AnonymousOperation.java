package io.flagtrail.adapter.web.http;

import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation anyone may call (log in, refresh, the public keys): the OpenAPI document must say
 * {@code security: []} for it instead of inheriting the global requirement. The generator writes nothing for an empty
 * {@link SecurityRequirements}, so this marks the operation with {@code x-flagtrail-anonymous} and
 * {@link OpenApiDocument} turns that into {@code security: []}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@io.swagger.v3.oas.annotations.Operation(extensions = @Extension(name = "x-flagtrail-anonymous",
        properties = @ExtensionProperty(name = "anonymous", value = "true")))
public @interface AnonymousOperation {
}
