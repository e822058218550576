package app.duet.identity.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs a person in at the issuer without the sign-in form, right after they proved who they are
 * another way: they just opened their account (where no mail is sent), or followed a mailed link.
 * The issuer's session then holds them exactly as the form would have, so the page's next
 * authorization request comes straight back with a code. A fresh session id, as after the form, and
 * the factor they proved themselves with and when (tokens name the time of authentication), as the
 * form records a password.
 */
@Component
public class SessionSignIn {

    private final UserDetailsService accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionSignIn(UserDetailsService accounts) {
        this.accounts = accounts;
    }

    /** Right after they chose their password (a new account, a new password). */
    public void signInByPassword(String email, HttpServletRequest request, HttpServletResponse response) {
        signIn(email, FactorGrantedAuthority.PASSWORD_AUTHORITY, request, response);
    }

    /** Right after they followed a one-time link mailed to their address. */
    public void signInByMailedLink(String email, HttpServletRequest request, HttpServletResponse response) {
        signIn(email, FactorGrantedAuthority.OTT_AUTHORITY, request, response);
    }

    private void signIn(String email, String factor, HttpServletRequest request, HttpServletResponse response) {
        UserDetails person = accounts.loadUserByUsername(email);
        if (person instanceof User user) {
            user.eraseCredentials();
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        List<GrantedAuthority> authorities = new ArrayList<>(person.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(factor).issuedAt(Instant.now()).build());
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null, authorities));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
