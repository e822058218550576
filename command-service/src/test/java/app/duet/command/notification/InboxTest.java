package app.duet.command.notification;

import app.duet.api.notification.ChooseNotifications;
import app.duet.api.notification.MarkNotificationsRead;
import app.duet.api.notification.NotificationsChosen;
import app.duet.api.notification.NotificationsRead;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static app.duet.api.notification.NotificationKind.BID;
import static app.duet.api.notification.NotificationKind.CHECKPOINT_COMING;
import static app.duet.api.notification.NotificationKind.HOMEWORK_DUE;
import static app.duet.api.notification.NotificationKind.SHARE;
import static app.duet.command.BrokenRule.brokenRule;

/** A person's inbox takes what they decide about their notifications as events: reads, and what they choose to get. */
class InboxTest {

    private static final String NOOR = "person-noor";

    private FixtureConfiguration<Inbox> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Inbox.class);
    }

    @Test
    void aPersonsFirstReadOpensTheirInbox() {
        fixture.givenNoPriorActivity()
                .when(new MarkNotificationsRead(NOOR, List.of("n-1", "n-2", "n-1")))
                .expectEvents(new NotificationsRead(NOOR, List.of("n-1", "n-2")));
    }

    @Test
    void markingNothingReadIsRefusedNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(new MarkNotificationsRead(NOOR, List.of()))
                .expectNoEvents()
                .expectException(brokenRule("read-how-many", "notificationIds"));
    }

    @Test
    void markingTooManyAtOnceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new MarkNotificationsRead(NOOR, IntStream.rangeClosed(0, Inbox.MOST_AT_ONCE).mapToObj(i -> "n-" + i).toList()))
                .expectNoEvents()
                .expectException(brokenRule("read-how-many", "notificationIds"));
    }

    @Test
    void aChoiceIsKeptInTheKindsOrder() {
        fixture.givenNoPriorActivity()
                .when(new ChooseNotifications(NOOR, Set.of(SHARE, BID), Set.of(CHECKPOINT_COMING)))
                .expectEvents(new NotificationsChosen(NOOR, List.of(BID, SHARE), List.of(CHECKPOINT_COMING)));
    }

    @Test
    void theSameChoiceAgainChangesNothing() {
        fixture.given(new NotificationsChosen(NOOR, List.of(BID, SHARE), List.of(CHECKPOINT_COMING)))
                .when(new ChooseNotifications(NOOR, Set.of(BID, SHARE), Set.of(CHECKPOINT_COMING)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyRemindersComeByMail() {
        fixture.givenNoPriorActivity()
                .when(new ChooseNotifications(NOOR, Set.of(BID), Set.of(HOMEWORK_DUE, BID)))
                .expectNoEvents()
                .expectException(brokenRule("not-a-reminder", "byMail"));
    }

    @Test
    void aChoiceNeedsBothLists() {
        fixture.givenNoPriorActivity()
                .when(new ChooseNotifications(NOOR, null, Set.of()))
                .expectNoEvents()
                .expectException(brokenRule("choice-required", "inApp"));
    }
}
