package app.duet.identity.issuer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The issuer's authorizations, with refresh-token reuse detection (OAuth 2.0 Security BCP, 4.14): a
 * refresh token is rotated on every use, and the one it replaced is remembered (as a hash). When a
 * replaced token comes back, whoever holds it and whoever holds its successor cannot be told apart,
 * so the whole authorization ends: neither can refresh again, and the person signs in anew.
 */
final class SpentRefreshTokens implements OAuth2AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(SpentRefreshTokens.class);

    private final OAuth2AuthorizationService authorizations;
    private final JdbcClient db;

    SpentRefreshTokens(OAuth2AuthorizationService authorizations, JdbcClient db) {
        this.authorizations = authorizations;
        this.db = db;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Optional.ofNullable(authorizations.findById(authorization.getId()))
                .map(OAuth2Authorization::getRefreshToken)
                .map(OAuth2Authorization.Token::getToken)
                .filter(before -> !before.getTokenValue().equals(valueOf(authorization.getRefreshToken())))
                .ifPresent(replaced -> db.sql("INSERT INTO spent_refresh_token (token_hash, authorization_id, spent_at) VALUES (?, ?, ?)")
                        .params(hash(replaced.getTokenValue()), authorization.getId(), Timestamp.from(Instant.now())).update());
        authorizations.save(authorization);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        authorizations.remove(authorization);
        db.sql("DELETE FROM spent_refresh_token WHERE authorization_id = ?").params(authorization.getId()).update();
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return authorizations.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType type) {
        OAuth2Authorization found = authorizations.findByToken(token, type);
        if (found == null && (type == null || OAuth2TokenType.REFRESH_TOKEN.equals(type))) {
            db.sql("SELECT authorization_id FROM spent_refresh_token WHERE token_hash = ?").params(hash(token))
                    .query(String.class).optional()
                    .map(authorizations::findById)
                    .ifPresent(stolen -> {
                        log.warn("A refresh token already traded in was used again: sign-in {} is ended", stolen.getId());
                        remove(stolen);
                    });
        }
        return found;
    }

    private static String valueOf(OAuth2Authorization.Token<OAuth2RefreshToken> token) {
        return token == null ? null : token.getToken().getTokenValue();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
