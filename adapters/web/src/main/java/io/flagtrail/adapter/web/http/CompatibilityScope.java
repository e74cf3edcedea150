package io.flagtrail.adapter.web.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks routes that address {@link io.flagtrail.domain.project.Scope#COMPATIBILITY} without naming it in their path
 * ({@code /api/v1/features}): grants in default/production hold there as on the routes that name it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CompatibilityScope {
}
