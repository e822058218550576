package app.duet.query.session;

import app.duet.api.exercise.CycleLink;
import app.duet.api.exercise.CycleMove;
import app.duet.api.exercise.Lean;
import app.duet.api.exercise.NeedKind;
import app.duet.api.session.EntryDetails;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.util.List;

/**
 * An entry's {@link EntryDetails} in MongoDB as the flat sub-document it always was (when it was one
 * record with a field for every kind): the fields present say the kind. No class name is stored, so
 * views stored before read as they did, and a renamed package does not strand the views stored now.
 */
@Configuration(proxyBeanMethods = false)
class EntryDetailsInMongo {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new Writing(), new Reading()));
    }

    @WritingConverter
    static final class Writing implements Converter<EntryDetails, Document> {

        @Override
        public Document convert(EntryDetails details) {
            Document stored = new Document();
            if (details instanceof EntryDetails.Link link) {
                stored.append("link", link.link().name()).append("intensity", link.intensity());
                putIfPresent(stored, "move", link.move());
            } else if (details instanceof EntryDetails.Behaviour behaviour) {
                stored.append("size", behaviour.size());
            } else if (details instanceof EntryDetails.Need need) {
                stored.append("need", need.need().name());
                putIfPresent(stored, "reassurance", need.reassurance());
            } else if (details instanceof EntryDetails.Reassurance reassurance) {
                stored.append("answersEntryId", reassurance.answersEntryId());
            } else if (details instanceof EntryDetails.CheckIn checkIn) {
                stored.append("lean", checkIn.lean().name()).append("energy", checkIn.energy());
            }
            return stored;
        }

        private static void putIfPresent(Document stored, String key, Object value) {
            if (value != null) {
                stored.append(key, value instanceof Enum<?> e ? e.name() : value);
            }
        }
    }

    @ReadingConverter
    static final class Reading implements Converter<Document, EntryDetails> {

        @Override
        public EntryDetails convert(Document stored) {
            if (stored.get("link") != null) {
                return new EntryDetails.Link(CycleLink.valueOf(stored.getString("link")), number(stored, "intensity"),
                        stored.get("move") == null ? null : CycleMove.valueOf(stored.getString("move")));
            }
            if (stored.get("size") != null) {
                return new EntryDetails.Behaviour(number(stored, "size"));
            }
            if (stored.get("need") != null) {
                return new EntryDetails.Need(NeedKind.valueOf(stored.getString("need")), stored.getString("reassurance"));
            }
            if (stored.get("answersEntryId") != null) {
                return new EntryDetails.Reassurance(stored.getString("answersEntryId"));
            }
            if (stored.get("lean") != null) {
                return new EntryDetails.CheckIn(Lean.valueOf(stored.getString("lean")), number(stored, "energy"));
            }
            return EntryDetails.NONE;
        }

        private static int number(Document stored, String key) {
            return ((Number) stored.get(key)).intValue();
        }
    }
}
