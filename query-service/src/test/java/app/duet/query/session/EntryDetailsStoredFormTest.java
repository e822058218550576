package app.duet.query.session;

import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleMove;
import app.duet.api.exercise.EntryKind;
import app.duet.api.exercise.Lean;
import app.duet.api.exercise.NeedKind;
import app.duet.api.session.EntryDetails;
import app.duet.api.session.EntryView;
import app.duet.api.session.Exercise;
import app.duet.api.session.ParticipantView;
import app.duet.query.support.InProcessMongo;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EntryDetails} was one record with a nullable field for every kind of entry; it is now one
 * record per kind. Views stored in the old form read as the right kind, views stored now keep that
 * form, and the JSON the page reads is what it was.
 */
class EntryDetailsStoredFormTest {

    /** The old record, field for field, as the views stored it before. */
    record OldDetails(CycleLink link, Integer intensity, CycleMove move, NeedKind need, String reassurance,
                      Integer size, Lean lean, Integer energy, String answersEntryId) {
    }

    record OldHolder(String id, OldDetails details) {
    }

    record Holder(String id, EntryDetails details) {
    }

    /** Each kind in the old form, and what it reads as now. */
    private static final Map<OldDetails, EntryDetails> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put(new OldDetails(null, null, null, null, null, null, null, null, null), EntryDetails.NONE);
        KINDS.put(new OldDetails(CycleLink.TRIGGER, 7, null, null, null, null, null, null, null),
                new EntryDetails.Link(CycleLink.TRIGGER, 7, null));
        KINDS.put(new OldDetails(CycleLink.BEHAVIOUR, 4, CycleMove.WITHDRAW, null, null, null, null, null, null),
                new EntryDetails.Link(CycleLink.BEHAVIOUR, 4, CycleMove.WITHDRAW));
        KINDS.put(new OldDetails(null, null, null, null, null, 2, null, null, null), new EntryDetails.Behaviour(2));
        KINDS.put(new OldDetails(null, null, null, NeedKind.CLOSENESS, null, null, null, null, null),
                new EntryDetails.Need(NeedKind.CLOSENESS, null));
        KINDS.put(new OldDetails(null, null, null, NeedKind.SPACE, "I come back", null, null, null, null),
                new EntryDetails.Need(NeedKind.SPACE, "I come back"));
        KINDS.put(new OldDetails(null, null, null, null, null, null, null, null, "need-1"),
                new EntryDetails.Reassurance("need-1"));
        KINDS.put(new OldDetails(null, null, null, null, null, null, Lean.OUT, 0, null),
                new EntryDetails.CheckIn(Lean.OUT, 0));
    }

    @RegisterExtension
    static final InProcessMongo inProcess = new InProcessMongo();

    @Test
    void detailsStoredInTheOldFormReadAsTheirKind() {
        String database = database();
        MongoTemplate before = new MongoTemplate(inProcess.client(), database);
        MongoTemplate now = templateAsTheServiceHasIt(database);
        KINDS.forEach((old, kind) -> {
            String id = UUID.randomUUID().toString();
            before.save(new OldHolder(id, old), "details");
            assertThat(now.findById(id, Holder.class, "details")).as(kind.toString())
                    .isEqualTo(new Holder(id, kind));
        });
    }

    @Test
    void detailsStoredNowKeepTheOldForm() {
        String database = database();
        MongoTemplate before = new MongoTemplate(inProcess.client(), database);
        MongoTemplate now = templateAsTheServiceHasIt(database);
        KINDS.forEach((old, kind) -> {
            before.save(new OldHolder("old", old), "old");
            now.save(new Holder("new", kind), "new");
            Document oldForm = before.findById("old", Document.class, "old");
            Document newForm = before.findById("new", Document.class, "new");
            assertThat(newForm.get("details")).as(kind.toString()).isEqualTo(oldForm.get("details"));
            assertThat(newForm.get("details", Document.class)).doesNotContainKey("_class");
        });
    }

    @Test
    void aSessionViewKeepsEachEntrysDetailsThroughMongo() {
        MongoTemplate now = templateAsTheServiceHasIt(database());
        Instant at = Instant.parse("2026-03-01T19:00:00Z");
        SessionDocument session = new SessionDocument("session-1", "couple-1", Exercise.CYCLE_MAP,
                List.of(new ParticipantView("alex", "Alex", true, null)), at);
        session.writeDraft("link-1", "alex", "my-side", EntryKind.CYCLE_LINK, "I asked again",
                new EntryDetails.Link(CycleLink.BEHAVIOUR, 6, CycleMove.PURSUE), at);
        session.writeDraft("note-1", "alex", "notes", EntryKind.TEXT, "Later", EntryDetails.NONE, at);
        session.share("link-1", "alex", at);
        // Shared entries are stored apart from the session's document, as SessionViews stores them.
        SessionItemRepository items = new org.springframework.data.mongodb.repository.support.MongoRepositoryFactory(now)
                .getRepository(SessionItemRepository.class);
        session.takeChanged().storeIn(items);
        now.save(session);

        SessionDocument read = now.findById("session-1", SessionDocument.class)
                .readingFrom(SessionItems.of(items, "session-1"));
        assertThat(read.toView().entries()).singleElement().extracting(EntryView::details)
                .isEqualTo(new EntryDetails.Link(CycleLink.BEHAVIOUR, 6, CycleMove.PURSUE));
        assertThat(read.toView().loop().get(0).links()).hasSize(1);
        assertThat(read.draftsOf("alex")).singleElement().extracting(draft -> draft.details())
                .isEqualTo(EntryDetails.NONE);
    }

    @Test
    void thePageReadsTheSameJsonAsBefore() {
        JsonMapper json = JsonMapper.builder()
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
        KINDS.forEach((old, kind) -> assertThat(json.writeValueAsString(kind)).as(kind.toString())
                .isEqualTo(json.writeValueAsString(old)));
        assertThat(json.writeValueAsString(EntryDetails.NONE)).isEqualTo("{}");
        assertThat(json.writeValueAsString(new EntryDetails.Link(CycleLink.BEHAVIOUR, 4, CycleMove.WITHDRAW)))
                .isEqualTo("{\"link\":\"BEHAVIOUR\",\"intensity\":4,\"move\":\"WITHDRAW\"}");
    }

    /** As Spring Boot builds it from the service's conversions. */
    private static MongoTemplate templateAsTheServiceHasIt(String database) {
        MongoCustomConversions conversions = new EntryDetailsInMongo().mongoCustomConversions();
        MongoMappingContext mapping = new MongoMappingContext();
        mapping.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        mapping.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, mapping);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return new MongoTemplate(new SimpleMongoClientDatabaseFactory(inProcess.client(), database), converter);
    }

    private static String database() {
        return "details_" + UUID.randomUUID().toString().substring(0, 8);
    }
}
