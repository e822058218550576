package app.duet.identity.issuer;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The issuer's pages (sign-in, forgotten password, mailed links) and endpoints: scripts and styles from
 * its own origin only, never framed (a framed sign-in form is a clickjacking target), no referrer (a
 * mailed link's token must not travel on), forms posting only to itself. Spring Security adds nosniff,
 * and HSTS over TLS.
 */
final class IssuerHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    private IssuerHeaders() {
    }

    static Customizer<HeadersConfigurer<HttpSecurity>> strict() {
        return headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(frames -> frames.deny());
    }
}
