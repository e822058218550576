package app.duet.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Duration;

/**
 * Checks each access token's signature once. A page sends the same token with every command and
 * query for its ten minutes, and verifying its RSA signature each time took 8% of the product's CPU
 * in the live bench. A remembered token, kept by its exact text only after a full check passed, is
 * still held to every claim rule (expiry above all) on each use; one that no longer passes them is
 * checked in full again, which refuses it with the usual reasons. Access tokens are never revoked
 * before they expire (signing out ends the refresh token), so remembering one takes nothing away.
 */
final class RememberedTokens implements JwtDecoder {

    private final JwtDecoder fullCheck;
    private final OAuth2TokenValidator<Jwt> claimRules;
    private final Cache<String, Jwt> checked;

    RememberedTokens(JwtDecoder fullCheck, OAuth2TokenValidator<Jwt> claimRules, int most, Duration atMostFor) {
        this.fullCheck = fullCheck;
        this.claimRules = claimRules;
        this.checked = Caffeine.newBuilder().maximumSize(most).expireAfterWrite(atMostFor).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = checked.getIfPresent(token);
        if (known != null) {
            if (!claimRules.validate(known).hasErrors()) {
                return known;
            }
            checked.invalidate(token);
        }
        Jwt jwt = fullCheck.decode(token);
        checked.put(token, jwt);
        return jwt;
    }
}
