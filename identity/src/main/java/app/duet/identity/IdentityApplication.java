package app.duet.identity;

import app.duet.access.ErrorProblems;
import app.duet.access.InputProblems;
import app.duet.access.MetricsAccess;
import app.duet.access.StrictJson;
import app.duet.keys.KeysConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/** Accounts, sign-in, and the issuer of the tokens every other service checks. */
@SpringBootApplication
@Import({InputProblems.class, StrictJson.class, MetricsAccess.class, ErrorProblems.class, KeysConfiguration.class})
public class IdentityApplication {

    /** Its settings live in {@code identity.yml}, so {@code standalone} can compose them with the others. */
    public static final String CONFIG_NAME = "identity";

    public static void main(String[] args) {
        new SpringApplicationBuilder(IdentityApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
