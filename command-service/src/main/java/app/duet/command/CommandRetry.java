package app.duet.command;

import app.duet.access.StoreUnavailable;
import app.duet.eventstore.privacy.CoupleErasedException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.AxonNonTransientExceptionClassesPredicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Two partners acting on one session through two command-service instances race for the same
 * sequence number; the loser gets a ConcurrencyException and is retried against the fresh stream,
 * after a wait spread at random ({@link SpreadRetries}), so neither action is lost. A broken rule,
 * an erased couple or a missing aggregate is final and is not retried; neither is an unreachable
 * database, whose refusal (503, Retry-After) must come at once rather than after several more waits
 * for a connection.
 */
@Configuration(proxyBeanMethods = false)
class CommandRetry {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor();
    }

    /** The predicate sees every cause in a failure's chain: it must name what is final, not what may pass. */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(SpreadRetries.builder()
                        .retryExecutor(commandRetryExecutor)
                        .firstBoundMillis(20)
                        .largestBoundMillis(400)
                        .maxRetryCount(8)
                        .nonTransientFailurePredicate(new AxonNonTransientExceptionClassesPredicate()
                                .or(failure -> failure instanceof RuleViolation || failure instanceof CoupleErasedException
                                        || StoreUnavailable.isCause(failure)))
                        .build())
                .build();
    }
}
