package app.duet.bench;

import org.apache.catalina.Context;
import org.apache.tomcat.websocket.server.WsSci;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The floor's server, in a JVM of its own as the product is: a LISTEN on PostgreSQL, and for each
 * notification it reads the row named and pushes it over Spring's STOMP broker on a WebSocket, the
 * least any push of a stored change can cost here. No security, no store, no view: what is left
 * is the database, the notification and the WebSocket. Prints {@code port N} once it listens.
 * <p>
 * Arguments: the JDBC URL (its schema holds the table {@link FloorBench} writes), user, password.
 */
public final class FloorServer {

    static final String CHANNEL = "bench_floor";
    static final String TOPIC = "/topic/floor";

    public static void main(String[] args) throws Exception {
        AnnotationConfigServletWebServerApplicationContext web = new AnnotationConfigServletWebServerApplicationContext(Web.class);
        SimpMessagingTemplate messaging = web.getBean(SimpMessagingTemplate.class);
        System.out.println("port " + web.getWebServer().getPort());
        System.out.flush();
        try (Connection listening = DriverManager.getConnection(args[0], args[1], args[2]);
             Connection reading = DriverManager.getConnection(args[0], args[1], args[2]);
             PreparedStatement read = reading.prepareStatement("SELECT id, payload FROM bench_floor WHERE id = ?")) {
            listening.createStatement().execute("LISTEN " + CHANNEL);
            PGConnection postgres = listening.unwrap(PGConnection.class);
            while (!Thread.currentThread().isInterrupted()) {
                PGNotification[] notifications = postgres.getNotifications(500);
                if (notifications == null) {
                    continue;
                }
                for (PGNotification notification : notifications) {
                    read.setLong(1, Long.parseLong(notification.getParameter()));
                    try (ResultSet row = read.executeQuery()) {
                        if (row.next()) {
                            messaging.convertAndSend(TOPIC, new Row(row.getLong(1), row.getString(2)));
                        }
                    }
                }
            }
        }
    }

    /** What is pushed: the row as read. */
    record Row(long id, String payload) {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSocketMessageBroker
    static class Web implements WebSocketMessageBrokerConfigurer {

        @Bean
        TomcatServletWebServerFactory webServerFactory() {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            // What Boot's WebSocket auto-configuration would add: Tomcat's WebSocket container.
            factory.addContextCustomizers((Context context) -> context.addServletContainerInitializer(new WsSci(), null));
            return factory;
        }

        @Bean
        DispatcherServlet dispatcherServlet() {
            return new DispatcherServlet();
        }

        @Override
        public void registerStompEndpoints(StompEndpointRegistry registry) {
            registry.addEndpoint("/ws").setAllowedOriginPatterns("*");
        }

        @Override
        public void configureMessageBroker(MessageBrokerRegistry registry) {
            registry.enableSimpleBroker("/topic");
        }
    }

    private FloorServer() {
    }
}
