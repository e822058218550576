package app.duet.identity.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Mail about accounts, sent only where an SMTP server is configured ({@code spring.mail.host}).
 * Links in it point at {@code linksTo}, the address people open Duet at, as configured: never at
 * whatever host a request named, which would let a forged Host header send someone's link elsewhere.
 */
@ConfigurationProperties("duet.identity.mail")
public record MailSettings(@DefaultValue("Duet <no-reply@localhost>") String from,
                           @DefaultValue("http://localhost:8080/") String linksTo,
                           @DefaultValue("24h") Duration signUpLinkValidFor,
                           @DefaultValue("1h") Duration resetLinkValidFor) {

    /** The address of one of the issuer's pages, e.g. {@code identity/verify.html}, under {@code linksTo}. */
    String link(String page, String token) {
        String base = linksTo.endsWith("/") ? linksTo : linksTo + "/";
        return base + page + "#" + token;
    }
}
