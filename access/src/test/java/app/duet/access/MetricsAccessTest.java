package app.duet.access;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Metrics answer the machine itself and a scraper with the token; anyone else is refused them. */
class MetricsAccessTest {

    private static final String TOKEN = "a-long-random-scrape-token";

    @Test
    void aStrangerIsRefusedTheMetrics() throws Exception {
        MockHttpServletResponse answer = ask(new MetricsAccess.Guard(TOKEN), "203.0.113.5", null);
        assertThat(answer.getStatus()).isEqualTo(403);
        assertThat(answer.getContentAsString()).contains("operators").doesNotContain("duet_");
        assertThat(ask(new MetricsAccess.Guard(TOKEN), "203.0.113.5", "Bearer wrong").getStatus()).isEqualTo(403);
        assertThat(ask(new MetricsAccess.Guard(""), "203.0.113.5", "Bearer ").getStatus()).as("no token configured").isEqualTo(403);
        MockHttpServletRequest relayed = new MockHttpServletRequest("GET", "/actuator/prometheus");
        relayed.setRemoteAddr("127.0.0.1");
        relayed.addHeader("X-Forwarded-For", "203.0.113.5");
        MockHttpServletResponse answer2 = new MockHttpServletResponse();
        new MetricsAccess.Guard(TOKEN).doFilter(relayed, answer2, new MockFilterChain());
        assertThat(answer2.getStatus()).as("relayed by a proxy on the same machine").isEqualTo(403);
    }

    @Test
    void theMachineItselfAndAScraperWithTheTokenGetThem() throws Exception {
        assertThat(ask(new MetricsAccess.Guard(TOKEN), "127.0.0.1", null).getStatus()).isEqualTo(200);
        assertThat(ask(new MetricsAccess.Guard(TOKEN), "::1", null).getStatus()).isEqualTo(200);
        assertThat(ask(new MetricsAccess.Guard(TOKEN), "172.18.0.9", "Bearer " + TOKEN).getStatus()).isEqualTo(200);
    }

    private static MockHttpServletResponse ask(MetricsAccess.Guard guard, String from, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setRemoteAddr(from);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
