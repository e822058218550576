package app.duet.access.limits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A source is an IPv4 address, or an IPv6 address's /64: one subscriber cannot be a billion sources. */
class SourceOfARequestTest {

    @Test
    void everyAddressOfOneIpv6SubscriberIsOneSource() {
        assertThat(RateLimitFilter.sourceOf("2001:db8:1:2::1")).isEqualTo(RateLimitFilter.sourceOf("2001:db8:1:2:ffff:ffff:ffff:fffe"));
        assertThat(RateLimitFilter.sourceOf("2001:db8:1:2::1")).isNotEqualTo(RateLimitFilter.sourceOf("2001:db8:1:3::1"));
    }

    @Test
    void anIpv4AddressIsItsOwnSource() {
        assertThat(RateLimitFilter.sourceOf("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(RateLimitFilter.sourceOf("203.0.113.9")).isNotEqualTo(RateLimitFilter.sourceOf("203.0.113.10"));
    }
}
