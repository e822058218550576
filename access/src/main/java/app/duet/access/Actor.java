package app.duet.access;

import app.duet.api.access.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.EnumSet;
import java.util.Set;

/**
 * The signed-in person a request acts for, as their access token says: the account id (the
 * token's subject, which events and views call them), their name, and their roles.
 */
public record Actor(String id, String displayName, Set<Role> roles) {

    /** The person a checked token names; refuses anything else as not signed in. */
    public static Actor of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt token)) {
            throw new AuthenticationCredentialsNotFoundException("No signed-in person.");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role.name()))) {
                roles.add(role);
            }
        }
        return new Actor(token.getSubject(), token.getClaimAsString("name"), roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** Refuses (403) anyone who does not have the role, whatever else they are. */
    public Actor require(Role role) {
        if (!is(role)) {
            throw new AccessDeniedException("This needs the " + role.name().toLowerCase() + " role.");
        }
        return this;
    }

    /** The id of the partner acting; refused (403) for anyone who is not a partner. */
    public String partnerId() {
        return require(Role.PARTNER).id();
    }
}
