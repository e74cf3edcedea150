package archfixture.bad.adapter.web;

import archfixture.bad.application.service.SomeService;

/** Breaks "adapters use the application through its ports": it calls a service class. */
public class WebUsesService {
    public SomeService service() {
        return new SomeService();
    }
}
