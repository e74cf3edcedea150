package bench.empty;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.Micronaut;
import java.util.Map;

/** The smallest useful Micronaut service: ready when GET / answers. */
@Controller
public class Application {

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).start();
    }

    @Get
    Map<String, String> index() {
        return Map.of("status", "UP");
    }
}
