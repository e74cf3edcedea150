package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No container engine or cluster is reachable here, so the Dockerfile, the Kubernetes manifests and the compose file
 * are checked against the real service: the port they expose and probe is the configured default, every probe and
 * health-check path answers 200 on a running server, the container user is not root, and every environment
 * variable they set is a documented setting (a {@code <NAME>_FILE} only for a setting that can come from a file).
 */
class DeploymentFilesTest {

    private static final Path ROOT = ConfigurationListTest.ROOT;
    private static final Pattern DOCUMENTED = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

    @Test
    void the_dockerfile_builds_in_stages_runs_as_a_user_and_checks_a_real_health_path() throws IOException {
        var lines = Files.readAllLines(ROOT.resolve("Dockerfile"));
        var instructions = lines.stream().map(String::strip).filter(l -> !l.startsWith("#")).toList();

        assertTrue(instructions.stream().filter(l -> l.startsWith("FROM ")).count() >= 2, "multi-stage");
        String user = instructions.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow().substring(5);
        assertTrue(!user.startsWith("root") && !user.startsWith("0"), "runs as " + user);
        assertTrue(instructions.contains("EXPOSE " + defaultPort()), "EXPOSE the configured port " + defaultPort());
        var healthcheck = String.join(" ", lines.subList(indexOf(lines, "HEALTHCHECK"), indexOf(lines, "HEALTHCHECK") + 2));
        assertEquals(Set.of("/health/readiness"), paths(healthcheck));
        assertTrue(instructions.contains("ENTRYPOINT [\"/app/bin/flagtrail\"]")
                && Files.isExecutable(ROOT.resolve("bootstrap/src/dist/bin/flagtrail")), "starts the distribution's script");
        var env = new TreeSet<String>();
        Matcher m = Pattern.compile("\\b([A-Z][A-Z0-9_]+)=").matcher(String.join("\n", lines.subList(indexOf(lines, "ENV "),
                indexOf(lines, "EXPOSE"))));
        while (m.find()) {
            env.add(m.group(1));
        }
        assertEquals(Set.of(), undocumented(env));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_kubernetes_manifests_probe_real_paths_on_the_configured_port_as_a_non_root_user() throws IOException {
        var documents = new ArrayList<Map<String, Object>>();
        try (var files = Files.list(ROOT.resolve("deploy/k8s"))) {
            for (var file : files.sorted().toList()) {
                new Yaml().loadAll(Files.readString(file)).forEach(d -> documents.add((Map<String, Object>) d));
            }
        }
        var deployment = kind(documents, "Deployment");
        var pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment.get("spec")).get("template")).get("spec");
        var security = (Map<String, Object>) pod.get("securityContext");
        assertEquals(true, security.get("runAsNonRoot"));
        assertTrue(((Number) security.get("runAsUser")).intValue() > 0);
        var container = ((List<Map<String, Object>>) pod.get("containers")).getFirst();
        var port = ((List<Map<String, Object>>) container.get("ports")).getFirst();
        assertEquals(defaultPort(), ((Number) port.get("containerPort")).intValue());
        assertEquals("/health/liveness", probePath(container, "livenessProbe"));
        assertEquals("/health/readiness", probePath(container, "readinessProbe"));
        assertEquals("/health/liveness", probePath(container, "startupProbe"));
        var service = (Map<String, Object>) kind(documents, "Service").get("spec");
        assertEquals(port.get("name"), ((List<Map<String, Object>>) service.get("ports")).getFirst().get("targetPort"));

        var env = new TreeSet<String>(((Map<String, Object>) kind(documents, "ConfigMap").get("data")).keySet());
        ((List<Map<String, Object>>) container.get("env")).forEach(e -> env.add((String) e.get("name")));
        assertEquals(Set.of(), undocumented(env));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_compose_file_sets_documented_settings_and_checks_a_real_health_path() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("deploy/compose.yaml")));
        var flagtrail = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("flagtrail");

        assertEquals(Set.of(), undocumented(((Map<String, Object>) flagtrail.get("environment")).keySet()));
        assertEquals(Set.of("/health/readiness"), paths(String.valueOf(((Map<String, Object>) flagtrail.get("healthcheck")).get("test"))));
        assertEquals(List.of(defaultPort() + ":" + defaultPort()), flagtrail.get("ports"));
    }

    @Test
    void every_path_the_files_probe_answers_200_anonymously_on_a_running_server() {
        try (var server = ApplicationContext.run(EmbeddedServer.class,
                new HashMap<String, Object>(StandaloneProperties.on(TestDatabase.h2())))) {
            var api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
            for (var path : List.of("/health/liveness", "/health/readiness")) {
                assertEquals(200, api.send("GET", path, null, null).status(), path);
            }
        }
    }

    @Test
    void the_check_finds_an_undocumented_variable_and_a_file_variant_of_a_non_secret() {
        assertEquals(Set.of("NO_SUCH_SETTING", "PORT_FILE"), undocumented(Set.of("PORT", "NO_SUCH_SETTING", "PORT_FILE",
                "DATABASE_URL_FILE")));
    }

    private static Set<String> undocumented(Set<String> names) {
        try {
            var documented = new TreeSet<String>();
            Matcher m = DOCUMENTED.matcher(Files.readString(ROOT.resolve("docs/configuration.md")));
            while (m.find()) {
                documented.add(m.group(1));
            }
            var missing = new TreeSet<String>();
            for (var name : names) {
                boolean fileOfSecret = name.endsWith("_FILE") && SecretFiles.SETTINGS.contains(name.substring(0, name.length() - 5));
                if (!documented.contains(name) && !fileOfSecret) {
                    missing.add(name);
                }
            }
            return missing;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The default of {@code micronaut.server.port} in application.yml ({@code ${PORT:8080}}). */
    private static int defaultPort() throws IOException {
        Matcher m = Pattern.compile("port: \\$\\{PORT:(\\d+)}").matcher(
                Files.readString(ROOT.resolve("bootstrap/src/main/resources/application.yml")));
        assertTrue(m.find(), "application.yml sets the port from PORT");
        return Integer.parseInt(m.group(1));
    }

    private static Set<String> paths(String text) {
        var found = new TreeSet<String>();
        Matcher m = Pattern.compile("https?://[^/\\s\"]+(/[A-Za-z0-9/_-]+)").matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static String probePath(Map<String, Object> container, String probe) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet")).get("path");
    }

    private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow(() -> new AssertionError("no " + kind));
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with " + prefix);
    }
}
