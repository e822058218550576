package app.duet.command.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When a reminder of a day (homework due, a check-point) comes: {@code duet.reminders.ahead} before the
 * day begins where it begins first (UTC+14), so nobody is reminded after their day has started.
 */
@ConfigurationProperties("duet.reminders")
public record ReminderTimes(@DefaultValue("24h") Duration ahead) {

    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    public ReminderTimes {
        if (ahead == null || ahead.isNegative()) {
            throw new IllegalArgumentException("duet.reminders.ahead must be a duration of zero or more");
        }
    }

    public static ReminderTimes defaults() {
        return new ReminderTimes(Duration.ofHours(24));
    }

    /** When to remind of this day, seen at {@code now}: never before now; empty once the day has begun somewhere. */
    public java.util.Optional<Instant> remindOf(LocalDate day, Instant now) {
        if (day == null) {
            return java.util.Optional.empty();
        }
        Instant begins = day.atStartOfDay(EARLIEST_ZONE).toInstant();
        if (!now.isBefore(begins)) {
            return java.util.Optional.empty();
        }
        Instant at = begins.minus(ahead);
        return java.util.Optional.of(at.isBefore(now) ? now : at);
    }
}
