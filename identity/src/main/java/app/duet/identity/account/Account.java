package app.duet.identity.account;

import app.duet.api.access.Role;

import java.time.Instant;

/** A person who can sign in. {@code accountId} is what every token and event calls them. */
public record Account(String accountId, String email, String passwordHash, String displayName, Role role,
                      Instant createdAt) {
}
