package app.duet.command.notification;

import app.duet.api.notification.NotificationKind;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Whether a person wants a kind of reminder by mail, as their {@link Inbox} decides it. */
@Component
class MailChoices {

    private final ObjectProvider<Configuration> axon;

    MailChoices(ObjectProvider<Configuration> axon) {
        this.axon = axon;
    }

    boolean wantsMail(String personId, NotificationKind kind) {
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            try {
                return axon.getObject().repository(Inbox.class).load(personId).invoke(inbox -> inbox.wantsMail(kind));
            } catch (AggregateNotFoundException neverChose) {
                return Inbox.wantsMailUnlessChosen(kind);
            }
        }).getPayload();
    }
}
