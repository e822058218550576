package app.duet.eventstore.privacy;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

import javax.crypto.SecretKey;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event serializer: Jackson, with every {@link PersonalData} field encrypted by the key of the
 * message's {@link DataOwner}. Erase the owner's couple key and those fields read back as null,
 * in every projection, replay and export, while the events themselves stay in the store.
 */
public class PersonalDataSerializer extends WrappingSerializer {

    private record Shape(String owner, boolean holdsKey, List<String> personal) {
        boolean isPlain() {
            return owner == null || personal.isEmpty();
        }
    }

    private static final Shape PLAIN = new Shape(null, false, List.of());

    private final Jackson3Serializer delegate;
    private final ObjectMapper json;
    private final DataKeys keys;
    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    public PersonalDataSerializer(Jackson3Serializer delegate, DataKeys keys) {
        super(delegate);
        this.delegate = delegate;
        this.json = delegate.getObjectMapper();
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        Shape shape = object == null ? PLAIN : shapeOf(object.getClass());
        if (shape.isPlain()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode node = json.valueToTree(object);
        SecretKey key = keys.keyForWriting(node.path(shape.owner()).asString(), shape.holdsKey());
        for (String field : shape.personal()) {
            if (node.hasNonNull(field)) {
                node.put(field, FieldCipher.encrypt(key, node.get(field).asString()));
            }
        }
        try {
            SerializedObject<byte[]> sealed = new SimpleSerializedObject<>(json.writeValueAsBytes(node), byte[].class,
                    typeForClass(object.getClass()));
            return getConverter().convert(sealed, expectedRepresentation);
        } catch (JacksonException unwritable) {
            throw new SerializationException("Could not serialize " + object.getClass().getName(), unwritable);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        Shape shape = shapeOf(type);
        if (shape.isPlain()) {
            return delegate.deserialize(serializedObject);
        }
        ObjectNode node = (ObjectNode) getConverter().convert(serializedObject, JsonNode.class).getData().deepCopy();
        Optional<SecretKey> key = keys.keyForReading(node.path(shape.owner()).asString());
        for (String field : shape.personal()) {
            String stored = node.path(field).isString() ? node.get(field).asString() : null;
            if (FieldCipher.isEncrypted(stored)) {
                key.ifPresentOrElse(k -> node.put(field, FieldCipher.decrypt(k, stored)), () -> node.putNull(field));
            }
        }
        try {
            return (T) json.treeToValue(node, type);
        } catch (JacksonException unreadable) {
            throw new SerializationException("Could not deserialize " + type.getName(), unreadable);
        }
    }

    private Shape shapeOf(Class<?> type) {
        return shapes.computeIfAbsent(type, t -> {
            if (!t.isRecord()) {
                return PLAIN;
            }
            String owner = null;
            boolean holdsKey = false;
            List<String> personal = new java.util.ArrayList<>();
            for (RecordComponent component : t.getRecordComponents()) {
                if (component.isAnnotationPresent(DataOwner.class)) {
                    owner = component.getName();
                    holdsKey = component.getAnnotation(DataOwner.class).holdsKey();
                }
                if (component.isAnnotationPresent(PersonalData.class)) {
                    personal.add(component.getName());
                }
            }
            if (!personal.isEmpty() && owner == null) {
                throw new IllegalStateException(t.getName() + " has personal data but no @DataOwner: "
                        + "it could not be encrypted, so it is not written at all");
            }
            return new Shape(owner, holdsKey, List.copyOf(personal));
        });
    }
}
