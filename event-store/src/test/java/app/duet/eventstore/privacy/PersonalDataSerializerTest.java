package app.duet.eventstore.privacy;

import app.duet.keys.TestKeys;
import app.duet.api.pairing.CoupleCreated;
import app.duet.api.session.BidMade;
import app.duet.api.session.JoinSession;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataSerializerTest {

    private static final java.time.Instant WEEK_FROM_NOW = java.time.Instant.parse("2030-01-08T10:00:00Z");

    private DataKeys keys;
    private PersonalDataSerializer serializer;

    @BeforeEach
    void setUp() {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/common/V4__data_keys.sql"),
                new ClassPathResource("db/migration/common/V12__wrapped_data_keys.sql")).execute(database);
        keys = new DataKeys(JdbcClient.create(database), TestKeys.wrapping(), TestKeys.ledger());
        serializer = new PersonalDataSerializer(Jackson3Serializer.builder().build(), keys);
    }

    @Test
    void personalTextIsStoredEncryptedAndReadBackWithTheCouplesKey() {
        CoupleCreated created = new CoupleCreated("couple-1", "alex", "Alex Morgan", "K7QF-2MZD", WEEK_FROM_NOW);

        SerializedObject<byte[]> stored = serializer.serialize(created, byte[].class);

        assertThat(new String(stored.getData(), StandardCharsets.UTF_8))
                .doesNotContain("Alex Morgan").contains("enc:v1:").contains("K7QF-2MZD");
        assertThat((CoupleCreated) serializer.deserialize(stored)).isEqualTo(created);
    }

    @Test
    void aSessionsTextSharesItsCouplesKeyAndFate() {
        serializer.serialize(new CoupleCreated("couple-1", "alex", "Alex", "CODE-0001", WEEK_FROM_NOW), byte[].class);
        keys.link("session-1", "couple-1");
        SerializedObject<byte[]> bid = serializer.serialize(new BidMade("session-1", "bid-1", "alex", "sam", "Tea?"), byte[].class);

        keys.erase("couple-1");

        BidMade readAfterErasure = serializer.deserialize(bid);
        assertThat(readAfterErasure.words()).isNull();
        assertThat(readAfterErasure.bidId()).isEqualTo("bid-1");
    }

    @Test
    void anErasedCoupleReadsBackWithoutItsTextInEveryOtherJvmToo() {
        SerializedObject<byte[]> stored = serializer.serialize(new CoupleCreated("couple-1", "alex", "Alex", "CODE-0001", WEEK_FROM_NOW), byte[].class);
        PersonalDataSerializer otherJvm = new PersonalDataSerializer(Jackson3Serializer.builder().build(),
                new DataKeys(keysTable(), TestKeys.wrapping(), TestKeys.ledger()));
        assertThat(((CoupleCreated) otherJvm.deserialize(stored)).displayName()).isEqualTo("Alex");

        keys.erase("couple-1");

        assertThat(((CoupleCreated) serializer.deserialize(stored)).displayName()).isNull();
    }

    @Test
    void nothingPersonalIsWrittenForAnErasedCouple() {
        serializer.serialize(new CoupleCreated("couple-1", "alex", "Alex", "CODE-0001", WEEK_FROM_NOW), byte[].class);
        keys.erase("couple-1");

        assertThatThrownBy(() -> serializer.serialize(new CoupleCreated("couple-1", "alex", "Alex", "CODE-0001", WEEK_FROM_NOW), byte[].class))
                .isInstanceOf(CoupleErasedException.class);
    }

    @Test
    void messagesWithoutPersonalDataAreLeftAsTheyAre() {
        SerializedObject<byte[]> stored = serializer.serialize(new JoinSession("session-1", "alex"), byte[].class);

        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).doesNotContain("enc:");
        assertThat((JoinSession) serializer.deserialize(stored)).isEqualTo(new JoinSession("session-1", "alex"));
    }

    private JdbcClient keysTable() {
        return (JdbcClient) org.springframework.test.util.ReflectionTestUtils.getField(keys, "jdbc");
    }

    @Test
    void aSessionNotLinkedToACoupleGetsNoKeyOfItsOwn() {
        assertThatThrownBy(() -> serializer.serialize(new BidMade("session-unlinked", "bid-1", "alex", "sam", "Tea?"),
                byte[].class)).isInstanceOf(IllegalStateException.class);
    }
}
