package app.duet.command.deadlines;

import com.github.kagkarlsson.scheduler.task.ExecutionHandler;
import com.github.kagkarlsson.scheduler.task.VoidExecutionHandler;
import org.axonframework.deadline.DeadlineException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A deadline that lost the race for its aggregate's stream runs again at once; any other failure is left to db-scheduler. */
class DeadlineRacesTest {

    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aDeadlineThatLostARaceRunsAgainAtOnce() {
        VoidExecutionHandler<String> deadline = DeadlineRaces.againWhenRaced(failingFirst(2, raced()));
        deadline.execute(null, null);
        assertThat(runs).hasValue(3);
    }

    @Test
    void anyOtherFailureIsLeftToTheScheduler() {
        IllegalStateException away = new IllegalStateException("database away");
        VoidExecutionHandler<String> deadline = DeadlineRaces.againWhenRaced(failingFirst(1, away));
        assertThatThrownBy(() -> deadline.execute(null, null)).isSameAs(away);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aDeadlineThatKeepsLosingFailsAfterFiveRuns() {
        DeadlineException raced = raced();
        VoidExecutionHandler<String> deadline = DeadlineRaces.againWhenRaced(failingFirst(Integer.MAX_VALUE, raced));
        assertThatThrownBy(() -> deadline.execute(null, null)).isSameAs(raced);
        assertThat(runs).hasValue(5);
    }

    /** As Axon's deadline manager reports an append that lost to another one. */
    private static DeadlineException raced() {
        return new DeadlineException("Failed to process", new ConcurrencyException("sequence number taken"));
    }

    private ExecutionHandler<String> failingFirst(int failures, RuntimeException failure) {
        return (instance, execution) -> {
            if (runs.incrementAndGet() <= failures) {
                throw failure;
            }
            return null;
        };
    }
}
