package app.duet.command;

import app.duet.access.OutcomeUnknown;
import app.duet.access.StoreUnavailable;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A command whose database connection is lost before its commit was not kept, and is refused (503);
 * one whose connection is lost during the commit may have been kept (PostgreSQL can write the
 * commit and be stopped before it answers), so calling it refused could be a lie. Axon's unit of
 * work commits through this transaction manager, which tells the two apart: a lost connection in
 * the commit itself becomes {@link OutcomeUnknown}, answered 503 {@code outcome-unknown}, never
 * retried by the gateway, and settled by sending the command again with its Idempotency-Key.
 */
@Configuration(proxyBeanMethods = false)
class CommitOutcome {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        SpringTransactionManager spring = new SpringTransactionManager(transactions);
        return () -> {
            Transaction transaction = spring.startTransaction();
            return new Transaction() {
                @Override
                public void commit() {
                    try {
                        transaction.commit();
                    } catch (RuntimeException failure) {
                        throw StoreUnavailable.isCause(failure) ? new OutcomeUnknown(failure) : failure;
                    }
                }

                @Override
                public void rollback() {
                    transaction.rollback();
                }
            };
        };
    }
}
