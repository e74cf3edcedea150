package io.flagtrail.adapter.web.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request record that {@link StrictJsonBodyReader} leaves to the framework's reader, because its protocol
 * answers malformed bodies in an error shape of its own (OFREP).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OwnBodyReader {
}
