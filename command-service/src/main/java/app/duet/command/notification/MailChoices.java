package app.duet.command.notification;

import app.duet.api.notification.NotificationKind;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Whether a person wants a kind of reminder by mail, as their {@link Inbox} decides it. */
@Component
class MailChoices {

    private final ObjectProvider<Configuration> axon;
    private final EventStore events;

    MailChoices(ObjectProvider<Configuration> axon, EventStore events) {
        this.axon = axon;
        this.events = events;
    }

    boolean wantsMail(String personId, NotificationKind kind) {
        if (events.lastSequenceNumberFor(personId).isEmpty()) {
            return Inbox.wantsMailUnlessChosen(kind);
        }
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            try {
                return axon.getObject().repository(Inbox.class).load(personId).invoke(inbox -> inbox.wantsMail(kind));
            } catch (AggregateNotFoundException neverChose) {
                return Inbox.wantsMailUnlessChosen(kind);
            }
        }).getPayload();
    }
}
