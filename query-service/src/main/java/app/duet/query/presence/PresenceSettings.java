package app.duet.query.presence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How soon a connection is judged. dropAfter: a page that promised heart-beats and went silent this
 * long (a cut network, a phone that lost signal), or an instance that stopped beating (a crash), is
 * "connection dropped". absentAfter: dropped this long, the person is absent.
 */
@ConfigurationProperties("duet.presence")
public record PresenceSettings(@DefaultValue("10s") Duration dropAfter, @DefaultValue("2m") Duration absentAfter) {

    /** How often a page sends a heart-beat and an instance stamps its connections: three to a drop. */
    public Duration beatEvery() {
        return dropAfter.dividedBy(3);
    }
}
