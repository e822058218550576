package app.duet.query.notification;

import app.duet.api.commitment.CheckpointComingUp;
import app.duet.api.commitment.CommitmentProposed;
import app.duet.api.commitment.HomeworkDueSoon;
import app.duet.api.commitment.HomeworkSet;
import app.duet.api.consent.TherapistAccessGranted;
import app.duet.api.consent.TherapistAccessWithdrawn;
import app.duet.api.consent.TherapistInvited;
import app.duet.api.everyday.EverydayBidMade;
import app.duet.api.notification.FindMyNotifications;
import app.duet.api.notification.NotificationKind;
import app.duet.api.notification.NotificationsChosen;
import app.duet.api.notification.NotificationsRead;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.session.AnswersRevealed;
import app.duet.api.session.EntryShared;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.SessionStarted;
import app.duet.query.batch.ViewBatch;
import app.duet.query.live.ViewPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Each person's notifications, built from the events: who did what, in Duet's words, linking to where it
 * happened; never what anyone wrote, never a name. The one who acted is never told of their own act; a
 * therapist is told only of couples that consent to them. A safety concern is handled nowhere here, so it
 * never becomes a notification. Each new one is pushed to its person's own destination.
 */
@Component
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
public class NotificationProjection {

    public static final String PROCESSING_GROUP = "notifications";

    private final NotificationRepository notifications;
    private final NotificationCircleRepository circles;
    private final NotificationReadRepository reads;
    private final NotificationChoiceRepository choices;
    private final Notifications views;
    private final SimpMessageSendingOperations pushes;

    NotificationProjection(NotificationRepository notifications, NotificationCircleRepository circles,
                           NotificationReadRepository reads, NotificationChoiceRepository choices, Notifications views,
                           SimpMessageSendingOperations pushes) {
        this.notifications = notifications;
        this.circles = circles;
        this.reads = reads;
        this.choices = choices;
        this.views = views;
        this.pushes = pushes;
    }

    // --- who is in the circle ---------------------------------------------------------------------

    @EventHandler
    void on(CoupleCreated event) {
        circles.save(new NotificationCircle(event.coupleId(), event.coupleId(), List.of(event.partnerId()), List.of(), null));
    }

    @EventHandler
    void on(PartnerJoinedCouple event) {
        circles.findById(event.coupleId()).ifPresent(circle -> circles.save(circle.withPartner(event.partnerId())));
    }

    @EventHandler
    void on(TherapistAccessGranted event) {
        circles.findById(event.coupleId()).ifPresent(circle -> circles.save(circle.withTherapist(event.therapistId())));
    }

    @EventHandler
    void on(TherapistAccessWithdrawn event) {
        circles.findById(event.coupleId()).ifPresent(circle -> circles.save(circle.withoutTherapist(event.therapistId())));
    }

    // --- what people are told -----------------------------------------------------------------------

    @EventHandler
    void on(TherapistInvited event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        couple(event.coupleId(), circle -> notify(eventId, circle.partnersBut(event.invitedBy()), NotificationKind.CONSENT_REQUEST,
                circle.coupleId(), "Your partner invited a therapist and asks for your consent.", "#/", at, replay));
    }

    @EventHandler
    void on(SessionStarted event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        NotificationCircle couple = circles.findById(event.coupleId()).orElse(null);
        List<String> therapists = couple == null ? List.of() : couple.therapists();
        NotificationCircle session = new NotificationCircle(NotificationCircle.ofSession(event.sessionId()), event.coupleId(),
                List.copyOf(event.partnerIds()), therapists, event.startedBy());
        circles.save(session);
        String link = "#/sessions/" + event.sessionId();
        notify(eventId, session.partnersBut(event.startedBy()), NotificationKind.PARTNER_IN_SESSION, event.coupleId(),
                "Your partner started a session and is waiting for you.", link, at, replay);
        notify(eventId, therapists, NotificationKind.PARTNER_IN_SESSION, event.coupleId(),
                "A couple you accompany started a session you may observe.", link, at, replay);
    }

    /** The one who started the session joins it as they start it: that is no news to the other partner. */
    @EventHandler
    void on(PartnerJoinedSession event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        session(event.sessionId(), circle -> {
            if (!event.partnerId().equals(circle.startedBy())) {
                notify(eventId, circle.partnersBut(event.partnerId()), NotificationKind.PARTNER_IN_SESSION, circle.coupleId(),
                        "Your partner joined your session.", "#/sessions/" + event.sessionId(), at, replay);
            }
        });
    }

    @EventHandler
    void on(EntryShared event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        session(event.sessionId(), circle -> notify(eventId, circle.partnersBut(event.authorId()), NotificationKind.SHARE,
                circle.coupleId(), "Your partner shared an answer in your session.", "#/sessions/" + event.sessionId(), at, replay));
    }

    @EventHandler
    void on(AnswersRevealed event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        session(event.sessionId(), circle -> notify(eventId,
                event.revealedBy() == null ? circle.partners() : circle.partnersBut(event.revealedBy()), NotificationKind.SHARE,
                circle.coupleId(), "Your answers at a step were revealed to you both.", "#/sessions/" + event.sessionId(), at, replay));
    }

    @EventHandler
    void on(EverydayBidMade event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        couple(event.coupleId(), circle -> notify(eventId, circle.partnersBut(event.fromPartnerId()), NotificationKind.BID,
                circle.coupleId(), "Your partner made a bid for connection.", "#/", at, replay));
    }

    @EventHandler
    void on(HomeworkSet event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        couple(event.coupleId(), circle -> notify(eventId, circle.partners(), NotificationKind.HOMEWORK_SET, circle.coupleId(),
                event.dueOn() == null ? "Your therapist set homework." : "Your therapist set homework, due on " + event.dueOn() + ".",
                "#/", at, replay));
    }

    @EventHandler
    void on(HomeworkDueSoon event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        couple(event.coupleId(), circle -> notify(eventId, event.partnerIds(), NotificationKind.HOMEWORK_DUE, circle.coupleId(),
                "Homework is due on " + event.dueOn() + " and your part is not marked done yet.", "#/", at, replay));
    }

    @EventHandler
    void on(CheckpointComingUp event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        couple(event.coupleId(), circle -> notify(eventId, Stream.concat(event.partnerIds().stream(), circle.therapists().stream())
                        .toList(), NotificationKind.CHECKPOINT_COMING, circle.coupleId(),
                "A check-point of the commitment comes up on " + event.checkpoint() + ".", "#/", at, replay));
    }

    @EventHandler
    void on(CommitmentProposed event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        couple(event.coupleId(), circle -> notify(eventId, circle.partners(), NotificationKind.COMMITMENT_PROPOSED, circle.coupleId(),
                "Your therapist proposed a commitment from " + event.startsOn() + " to " + event.endsOn() + ".", "#/", at, replay));
    }

    // --- what people decide ---------------------------------------------------------------------------

    @EventHandler
    void on(NotificationsRead event, ReplayStatus replay) {
        event.notificationIds().forEach(id -> reads.save(NotificationRead.of(event.personId(), id)));
        push(List.of(event.personId()), replay);
    }

    @EventHandler
    void on(NotificationsChosen event, ReplayStatus replay) {
        choices.save(new NotificationChoice(event.personId(), event.inApp(), event.byMail()));
        push(List.of(event.personId()), replay);
    }

    @EventHandler
    void on(CoupleErased event) {
        notifications.deleteByCoupleId(event.coupleId());
        circles.deleteByCoupleId(event.coupleId());
    }

    @ResetHandler
    void reset() {
        notifications.deleteAll();
        circles.deleteAll();
        reads.deleteAll();
        choices.deleteAll();
    }

    private void couple(String coupleId, java.util.function.Consumer<NotificationCircle> then) {
        circles.findById(coupleId).ifPresent(then);
    }

    private void session(String sessionId, java.util.function.Consumer<NotificationCircle> then) {
        circles.findById(NotificationCircle.ofSession(sessionId)).ifPresent(then);
    }

    private void notify(String eventId, Collection<String> people, NotificationKind kind, String coupleId, String text,
                        String link, Instant at, ReplayStatus replay) {
        List<String> distinct = people.stream().distinct().toList();
        distinct.forEach(person -> notifications.save(new Notification(Notification.idOf(eventId, person), person, kind, coupleId,
                text, link, at)));
        push(distinct, replay);
    }

    /** Once the batch is stored, each person's own destination gets their notifications as they now read. */
    private void push(List<String> people, ReplayStatus replay) {
        if (replay.isReplay() || people.isEmpty()) {
            return;
        }
        ViewBatch.afterStored(() -> people.forEach(person ->
                pushes.convertAndSend(ViewPublisher.PERSON_TOPIC + person, (Object) views.handle(new FindMyNotifications(person)))));
    }
}
