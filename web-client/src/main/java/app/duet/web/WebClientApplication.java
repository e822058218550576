package app.duet.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Serves the partners' page. Its requests go to the same origin: in compose the proxy in front
 * (ops/nginx/routes.conf) routes them to the services, in standalone they are answered in this JVM.
 */
@SpringBootApplication
public class WebClientApplication {

    /** Its settings live in {@code web-client.yml}, so {@code standalone} can compose them with the others. */
    public static final String CONFIG_NAME = "web-client";

    public static void main(String[] args) {
        new SpringApplicationBuilder(WebClientApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
