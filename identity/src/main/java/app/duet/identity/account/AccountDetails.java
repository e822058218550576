package app.duet.identity.account;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.util.List;

/** Signs people in by e-mail address and password against the account store. */
@Service
class AccountDetails implements UserDetailsService {

    private final AccountStore accounts;

    AccountDetails(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Account account = accounts.byEmail(email)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return new User(account.email(), account.passwordHash(),
                List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
    }
}
