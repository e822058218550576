package app.duet.query.session;

import app.duet.api.consent.TherapistInvited;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.pairing.PartnerJoinedCouple;
import app.duet.api.privacy.CoupleErased;
import app.duet.api.session.Exercise;
import app.duet.api.session.FindSession;
import app.duet.api.session.PartnerJoinedSession;
import app.duet.api.session.SessionStarted;
import app.duet.api.session.SessionStatus;
import app.duet.api.session.SessionView;
import app.duet.api.session.TherapistJoinedSession;
import app.duet.query.live.ViewPublisher;
import app.duet.query.support.InProcessMongo;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Replaying an erased couple's events, as a rebuild of the live views does: their names were
 * crypto-shredded and read as nothing. The session's view is built all the same, its people without a
 * name (the page says "Partner"), until the erasure in the same replay takes it away.
 */
class ErasedNamesTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final String COUPLE = "couple-erased";
    private static final String SESSION = "session-of-erased";
    private static final String ALEX = "partner-alex";
    private static final String SAM = "partner-sam";
    private static final String THERAPIST = "therapist-lee";
    private static final Instant T0 = Instant.parse("2026-03-01T19:00:00Z");

    private SessionNames names;
    private SessionProjection sessions;

    @BeforeEach
    void setUp() {
        MongoTemplate template = new MongoTemplate(mongo.client(), "views_" + UUID.randomUUID().toString().substring(0, 8));
        MongoRepositoryFactory repositories = new MongoRepositoryFactory(template);
        names = new SessionNames(repositories.getRepository(CoupleNamesRepository.class));
        SessionDocumentRepository documents = repositories.getRepository(SessionDocumentRepository.class);
        sessions = new SessionProjection(documents, new SessionViews(documents,
                repositories.getRepository(SessionItemRepository.class), mock(ViewPublisher.class)), names);
    }

    @ParameterizedTest
    @EnumSource(value = ReplayStatus.class)
    void aSessionOfAnErasedCoupleIsBuiltWithoutTheirNamesThenGoesWithTheErasure(ReplayStatus replay) {
        names.on(new CoupleCreated(COUPLE, ALEX, null, null, T0), 0);
        names.on(new PartnerJoinedCouple(COUPLE, SAM, null), 1);
        names.on(new TherapistInvited(COUPLE, THERAPIST, null, ALEX), 2);
        sessions.on(new SessionStarted(SESSION, COUPLE, Exercise.CHECK_IN, List.of(ALEX, SAM), ALEX), 0, T0, replay);
        sessions.on(new PartnerJoinedSession(SESSION, ALEX), 1, replay);
        sessions.on(new TherapistJoinedSession(SESSION, THERAPIST), 2, replay);

        SessionView view = sessions.handle(new FindSession(SESSION)).orElseThrow();
        assertThat(view.status()).isEqualTo(SessionStatus.RUNNING);
        assertThat(view.partners()).extracting("partnerId", "displayName", "present").containsExactly(
                org.assertj.core.groups.Tuple.tuple(ALEX, null, true), org.assertj.core.groups.Tuple.tuple(SAM, null, false));
        assertThat(view.observers()).extracting("therapistId", "displayName")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(THERAPIST, null));

        names.on(new CoupleErased(COUPLE, SAM));
        sessions.on(new CoupleErased(COUPLE, SAM));
        assertThat(sessions.handle(new FindSession(SESSION))).isEmpty();
        assertThat(names.partnerName(COUPLE, ALEX)).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = ReplayStatus.class)
    void aSessionWhoseCoupleLeftNoNamesAtAllIsBuiltToo(ReplayStatus replay) {
        sessions.on(new SessionStarted(SESSION, COUPLE, Exercise.CHECK_IN, List.of(ALEX, SAM), ALEX), 0, T0, replay);

        assertThat(sessions.handle(new FindSession(SESSION)).orElseThrow().partners())
                .extracting("displayName").containsExactly(null, null);
    }
}
