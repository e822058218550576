package app.duet.command.deadlines;

import com.github.kagkarlsson.scheduler.task.ExecutionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.VoidExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's db-scheduler task for deadlines, as its auto-configuration declares it (whose own steps
 * aside for this bean's qualifier), but a deadline that lost the race for its aggregate's next
 * sequence number is run again at once on the fresh stream, as a command is ({@code CommandRetry}).
 * A couple's deadlines fall due together when both partners bid within moments, and a command may
 * append in the same instant, on this instance or another; db-scheduler would otherwise retry the
 * failed deadline only five minutes later. Any other failure (the database away) keeps that wait.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineRaces {

    private static final int ATTEMPTS = 5;

    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        Task<DbSchedulerBinaryDeadlineDetails> axons = DbSchedulerDeadlineManager.binaryTask(
                () -> context.getBean(DbSchedulerDeadlineManager.class));
        return Tasks.oneTime(axons.getName(), axons.getDataClass()).execute(againWhenRaced(axons));
    }

    /** Runs the task, and again (up to {@value #ATTEMPTS} times in all) while it fails for a lost race. */
    static <T> VoidExecutionHandler<T> againWhenRaced(ExecutionHandler<T> task) {
        return (instance, execution) -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    task.execute(instance, execution);
                    return;
                } catch (RuntimeException failed) {
                    if (attempt == ATTEMPTS || !lostARace(failed)) {
                        throw failed;
                    }
                }
            }
        };
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
