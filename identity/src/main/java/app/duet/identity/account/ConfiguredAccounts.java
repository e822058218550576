package app.duet.identity.account;

import app.duet.api.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Accounts that exist because the operator configured them ({@code duet.identity.accounts}): the
 * only way to an analyst or admin account. Existing e-mail addresses are left as they are.
 */
@Component
@EnableConfigurationProperties(ConfiguredAccounts.Settings.class)
class ConfiguredAccounts {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredAccounts.class);

    @ConfigurationProperties("duet.identity")
    record Settings(List<Entry> accounts) {
        Settings {
            accounts = accounts == null ? List.of() : accounts;
        }
    }

    record Entry(String email, String password, String displayName, Role role) {
    }

    private final Settings settings;
    private final AccountStore store;
    private final PasswordEncoder passwords;

    ConfiguredAccounts(Settings settings, AccountStore store, PasswordEncoder passwords) {
        this.settings = settings;
        this.store = store;
        this.passwords = passwords;
    }

    @EventListener(ContextRefreshedEvent.class)
    void ensureConfiguredAccountsExist() {
        for (Entry entry : settings.accounts()) {
            if (store.byEmail(entry.email()).isEmpty()) {
                store.add(new Account(UUID.randomUUID().toString(), entry.email(), passwords.encode(entry.password()),
                        entry.displayName(), entry.role(), Instant.now()));
                log.info("Created the configured {} account {}", entry.role(), entry.email());
            }
        }
    }
}
