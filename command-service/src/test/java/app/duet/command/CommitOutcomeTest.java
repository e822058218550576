package app.duet.command;

import app.duet.access.OutcomeUnknown;
import app.duet.access.StoreUnavailable;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A connection lost in the commit itself is not called a refusal: the commit may have been kept.
 * Any other failure of the commit, and a lost connection before it, stay what they were.
 */
class CommitOutcomeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aConnectionLostInTheCommitLeavesTheOutcomeUnknown() {
        Transaction transaction = new CommitOutcome().axonTransactionManager(
                committing(new SQLException("terminating connection due to administrator command", "57P01"))).startTransaction();

        assertThatThrownBy(transaction::commit).isInstanceOf(OutcomeUnknown.class);
    }

    @Test
    void anyOtherFailedCommitIsWhatItWas() {
        Transaction transaction = new CommitOutcome().axonTransactionManager(
                committing(new SQLException("could not serialize access", "40001"))).startTransaction();

        assertThatThrownBy(transaction::commit).isInstanceOf(TransactionSystemException.class)
                .isNotInstanceOf(OutcomeUnknown.class);
    }

    @Test
    void anUnknownOutcomeIsAnswered503WithItsOwnRuleAndNotCalledRefused() {
        MockHttpServletResponse unknown = answer(new OutcomeUnknown(new SQLException("gone", "08006")));
        MockHttpServletResponse refused = answer(new SQLException("gone", "08006"));

        assertThat(unknown.getStatus()).isEqualTo(503);
        assertThat(unknown.getHeader("Retry-After")).isNotBlank();
        JsonNode problem = JSON.readTree(unknown.getContentAsByteArray());
        assertThat(problem.path("rule").asString()).isEqualTo(StoreUnavailable.OUTCOME_UNKNOWN);
        assertThat(problem.path("detail").asString()).contains("may or may not").contains("Idempotency-Key");

        assertThat(refused.getStatus()).isEqualTo(503);
        JsonNode refusal = JSON.readTree(refused.getContentAsByteArray());
        assertThat(refusal.path("rule").isString()).as(refusal.toString()).isFalse();
        assertThat(refusal.path("detail").asString()).contains("was not done");
    }

    private static MockHttpServletResponse answer(Throwable failure) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(StoreUnavailable.answered(JSON, new MockHttpServletRequest("POST", "/api/commands/x"), response, failure)).isTrue();
        return response;
    }

    /** A transaction manager whose commit fails as a JDBC commit does, with this SQL failure inside. */
    private static AbstractPlatformTransactionManager committing(SQLException failure) {
        return new AbstractPlatformTransactionManager() {
            @Override
            protected Object doGetTransaction() {
                return new Object();
            }

            @Override
            protected void doBegin(Object transaction, TransactionDefinition definition) {
            }

            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                throw new TransactionSystemException("Could not commit JDBC transaction", failure);
            }

            @Override
            protected void doRollback(DefaultTransactionStatus status) {
            }
        };
    }
}
