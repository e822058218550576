package app.duet.query.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the STOMP broker relay finds RabbitMQ's STOMP plugin, when several instances run. */
@ConfigurationProperties("duet.stomp.relay")
record StompRelayProperties(@DefaultValue("false") boolean enabled,
                            @DefaultValue("localhost") String host,
                            @DefaultValue("61613") int port,
                            @DefaultValue("guest") String login,
                            @DefaultValue("guest") String passcode,
                            // Spring would name the relay host as the virtual host; RabbitMQ's is "/" unless made otherwise.
                            @DefaultValue("/") String virtualHost) {
}
