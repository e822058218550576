package app.duet.api.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** A person has read these notifications of theirs. */
public record MarkNotificationsRead(@TargetAggregateIdentifier String personId, List<String> notificationIds) {
}
