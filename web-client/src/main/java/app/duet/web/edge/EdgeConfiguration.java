package app.duet.web.edge;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import java.net.http.HttpClient;

/**
 * The edge: one origin for the browser, so the page needs no CORS and no knowledge of where the
 * services run. Only when {@code duet.edge.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "duet.edge", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(EdgeProperties.class)
@EnableWebSocket
class EdgeConfiguration implements WebSocketConfigurer {

    private final EdgeProperties edge;

    EdgeConfiguration(EdgeProperties edge) {
        this.edge = edge;
    }

    @Bean
    HttpClient edgeHttpClient() {
        // HTTP/1.1: the services speak plain HTTP, and an h2c upgrade attempt would only add a round trip.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(edge.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Whole views travel as single text frames; Tomcat's default 8 KB would cut off a long session. */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(WebSocketRelay.MAX_TEXT_MESSAGE);
        return container;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        WebSocketContainer client = ContainerProvider.getWebSocketContainer();
        client.setDefaultMaxTextMessageBufferSize(WebSocketRelay.MAX_TEXT_MESSAGE);
        registry.addHandler(new WebSocketRelay(new StandardWebSocketClient(client), edge.queryServiceWebSocketUrl()),
                "/ws");
    }
}
