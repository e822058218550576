package app.duet.query.events;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Part of readiness ({@code management.endpoint.health.group.readiness}): an instance whose views
 * catch up is alive but not ready, so a load balancer, or whoever waits to use it, sends readers to
 * one that is.
 */
@Component("catchingUpHealthIndicator")
class CatchingUpHealth implements HealthIndicator {

    private final CatchingUp catchingUp;

    CatchingUpHealth(CatchingUp catchingUp) {
        this.catchingUp = catchingUp;
    }

    @Override
    public Health health() {
        List<String> behind = catchingUp.servedGroups().stream().filter(catchingUp::isCatchingUp).toList();
        return behind.isEmpty() ? Health.up().build() : Health.outOfService().withDetail("catchingUp", behind).build();
    }
}
