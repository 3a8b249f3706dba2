package io.labdeck.session.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Which addresses count as one client: an IPv6 /64 is one (its owner has every address in it). */
@Tag("fast")
class StartRateLimiterTest {

    @Test
    void anIpv6Slash64IsOneClientAndIpv4AddressesAreThemselves() {
        assertThat(StartRateLimiter.group("2001:db8:1:2:3:4:5:6")).isEqualTo(StartRateLimiter.group("2001:db8:1:2::9"))
                .isEqualTo("2001:0db8:0001:0002::/64");
        assertThat(StartRateLimiter.group("2001:db8:1:3::1")).isNotEqualTo(StartRateLimiter.group("2001:db8:1:2::1"));
        assertThat(StartRateLimiter.group("10.2.0.1")).isEqualTo("10.2.0.1");
        assertThat(StartRateLimiter.group("::ffff:10.2.0.1")).isEqualTo("10.2.0.1");
        assertThat(StartRateLimiter.group(null)).isEqualTo("unknown");
    }
}
