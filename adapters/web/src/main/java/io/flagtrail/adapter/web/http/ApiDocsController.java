package io.flagtrail.adapter.web.http;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's documentation, public: {@code /} sends a browser there; the OpenAPI document generated at compile time ({@code /openapi.yml}), Swagger UI
 * ({@code /docs}) and ReDoc ({@code /redoc}). The pages' scripts and styles are in the jar (static resources under
 * {@code /swagger-ui/res} and {@code /redoc/res}), so they work without internet access.
 */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
final class ApiDocsController {

    static final String DOCUMENT = "META-INF/swagger/flagtrail.yml";
    private static final MediaType YAML = MediaType.of("application/yaml");

    private final byte[] document;
    private final byte[] swaggerUi;
    private final byte[] redoc;
    private final String swaggerUiPolicy;
    private final String redocPolicy;

    ApiDocsController(ResourceResolver resources) {
        this.document = OpenApiDocument.corrected(read(resources, DOCUMENT));
        this.swaggerUi = read(resources, "META-INF/swagger/views/swagger-ui/index.html");
        this.redoc = read(resources, "META-INF/swagger/views/redoc/index.html");
        this.swaggerUiPolicy = pagePolicy(swaggerUi);
        this.redocPolicy = pagePolicy(redoc);
    }

    /**
     * A strict Content-Security-Policy for one documentation page: scripts only from this server plus the page's own
     * inline script, admitted by its SHA-256 hash (computed from the page the build generated, so it cannot drift);
     * styles from this server and inline (Swagger UI and ReDoc style their elements); nothing from anywhere else;
     * never framed.
     */
    static String pagePolicy(byte[] page) {
        var hashes = new StringBuilder();
        var matcher = java.util.regex.Pattern.compile("<script>(.*?)</script>", java.util.regex.Pattern.DOTALL)
                .matcher(new String(page, java.nio.charset.StandardCharsets.UTF_8));
        while (matcher.find()) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(matcher.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                hashes.append(" 'sha256-").append(java.util.Base64.getEncoder().encodeToString(digest)).append('\'');
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
        return "default-src 'none'; script-src 'self'" + hashes + "; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }

    /**
     * A person who opens the server's address in a browser lands on the API documentation (the console, when it
     * comes, takes this over) instead of a 404 problem document.
     */
    @Get("/")
    @Produces({MediaType.TEXT_HTML, MediaType.ALL})
    HttpResponse<?> root() {
        return HttpResponse.seeOther(java.net.URI.create("/docs"));
    }

    /** Also at the path the generated pages load it from, so that they show the corrected document too. */
    @Get("/swagger/flagtrail.yml")
    @Produces({"application/yaml", MediaType.ALL})
    HttpResponse<byte[]> documentForThePages() {
        return document();
    }

    @Get("/openapi.yml")
    @Produces({"application/yaml", MediaType.ALL})
    HttpResponse<byte[]> document() {
        return HttpResponse.ok(document).contentType(YAML);
    }

    @Get("/docs")
    @Produces({MediaType.TEXT_HTML, MediaType.ALL})
    HttpResponse<byte[]> swaggerUi() {
        return HttpResponse.ok(swaggerUi).contentType(MediaType.TEXT_HTML_TYPE)
                .header(SecurityHeadersFilter.CSP, swaggerUiPolicy);
    }

    @Get("/redoc")
    @Produces({MediaType.TEXT_HTML, MediaType.ALL})
    HttpResponse<byte[]> redoc() {
        return HttpResponse.ok(redoc).contentType(MediaType.TEXT_HTML_TYPE).header(SecurityHeadersFilter.CSP, redocPolicy);
    }

    private static byte[] read(ResourceResolver resources, String path) {
        try (InputStream in = resources.getResourceAsStream("classpath:" + path)
                .orElseThrow(() -> new IllegalStateException(path + " is missing: the build generates it"))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
