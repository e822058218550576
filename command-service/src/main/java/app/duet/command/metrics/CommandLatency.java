package app.duet.command.metrics;

import app.duet.command.RuleViolation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * {@code duet.command}: how long each command takes from handling to its events being committed,
 * by command and outcome (accepted, refused by a rule, failed). Axon registers handler interceptor
 * beans on the command bus by itself.
 */
@Component
class CommandLatency implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry registry;

    CommandLatency(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Timer.Sample sample = Timer.start(registry);
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        unitOfWork.afterCommit(done -> sample.stop(timer(command, "accepted")));
        unitOfWork.onRollback(failed -> sample.stop(timer(command,
                failed.getExecutionResult().getExceptionResult() instanceof RuleViolation ? "refused" : "failed")));
        return chain.proceed();
    }

    private Timer timer(String command, String outcome) {
        return Timer.builder("duet.command")
                .description("Command handled and its events committed")
                .tag("command", command)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }
}
