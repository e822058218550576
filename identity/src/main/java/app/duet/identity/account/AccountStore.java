package app.duet.identity.account;

import app.duet.api.access.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;

/** Accounts in the relational store: the only place a password hash lives. */
@Repository
public class AccountStore {

    private final JdbcClient jdbc;

    public AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the account; false when its e-mail address is taken. */
    public boolean add(Account account) {
        try {
            jdbc.sql("""
                            INSERT INTO account (account_id, email, password_hash, display_name, role, created_at)
                            VALUES (:id, :email, :hash, :name, :role, :createdAt)""")
                    .param("id", account.accountId())
                    .param("email", normalize(account.email()))
                    .param("hash", account.passwordHash())
                    .param("name", account.displayName())
                    .param("role", account.role().name())
                    .param("createdAt", Timestamp.from(account.createdAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    public Optional<Account> byEmail(String email) {
        return jdbc.sql("SELECT * FROM account WHERE email = :email")
                .param("email", normalize(email))
                .query(AccountStore::account)
                .optional();
    }

    public Optional<Account> byId(String accountId) {
        return jdbc.sql("SELECT * FROM account WHERE account_id = :id")
                .param("id", accountId)
                .query(AccountStore::account)
                .optional();
    }

    /** A new password (its hash) for the account; every sign-in it had, in any browser, ends. */
    public void changePassword(Account account, String passwordHash) {
        jdbc.sql("UPDATE account SET password_hash = :hash WHERE account_id = :id")
                .param("hash", passwordHash)
                .param("id", account.accountId())
                .update();
        jdbc.sql("DELETE FROM oauth2_authorization WHERE principal_name = :email")
                .param("email", account.email())
                .update();
        // Sign-ins at the issuer itself live in the database too (Spring Session): they end as well.
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = :email")
                .param("email", account.email())
                .update();
    }

    private static Account account(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new Account(row.getString("account_id"), row.getString("email"),
                row.getString("password_hash"), row.getString("display_name"),
                Role.valueOf(row.getString("role")), row.getTimestamp("created_at").toInstant());
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
