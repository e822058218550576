package app.duet.eventstore.privacy;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

import javax.crypto.SecretKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The snapshot serializer: an aggregate's state, Java-serialized (its members share references and
 * hold their collaborators in final fields, which Java serialization keeps as they are), then sealed
 * whole with its couple's data key, like the personal data of its events. Erase the couple and its
 * snapshots can no more be opened than its words can be read: opening one reads the key from the
 * database, never from this JVM's memory, so an erasure by another instance counts at once.
 * <p>
 * Stored: the owner's id (the aggregate's identifier, bound into the seal), then nonce and
 * ciphertext. The revision names the aggregate code that wrote it ({@link AggregateCode}); a snapshot
 * of other code is passed over ({@link #currentCodeOnly()}) and the aggregate is read from its
 * events, as it was before snapshots. Anything that is not an aggregate (a snapshot's meta data)
 * goes to the general serializer.
 */
public class SealedSnapshots extends WrappingSerializer {

    static final String REVISION_PREFIX = "sealed-v1:";
    /** Only what aggregates are made of: Duet's own classes, and the JDK's collections and values. */
    private static final ObjectInputFilter AGGREGATE_CLASSES = ObjectInputFilter.Config.createFilter(
            "app.duet.**;java.util.*;java.time.*;java.lang.*;java.lang.invoke.SerializedLambda;!*");

    private final Serializer general;
    private final DataKeys keys;
    private final Map<Class<?>, Field> identifiers = new ConcurrentHashMap<>();

    public SealedSnapshots(Serializer general, DataKeys keys) {
        super(general);
        this.general = general;
        this.keys = keys;
    }

    /** Passes over snapshots that the aggregates' current code did not write. */
    public SnapshotFilter currentCodeOnly() {
        return this::isOfCurrentCode;
    }

    boolean isOfCurrentCode(DomainEventData<?> snapshot) {
        SerializedType type = snapshot.getPayload().getType();
        String revision = type.getRevision();
        if (revision == null || !revision.startsWith(REVISION_PREFIX)) {
            return false;
        }
        try {
            return revision.equals(REVISION_PREFIX + AggregateCode.fingerprint(general.classForType(new SimpleSerializedType(type.getName(), null))));
        } catch (RuntimeException unknownClass) {
            return false;
        }
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        Field identifier = object == null ? null : identifierOf(object.getClass());
        if (identifier == null) {
            return general.serialize(object, expectedRepresentation);
        }
        String owner = ownerOf(object, identifier);
        byte[] ownerBytes = owner.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = FieldCipher.seal(keys.keyForWriting(owner, false), javaSerialized(object), ownerBytes);
        byte[] stored = ByteBuffer.allocate(Short.BYTES + ownerBytes.length + sealed.length)
                .putShort((short) ownerBytes.length).put(ownerBytes).put(sealed).array();
        SerializedType type = new SimpleSerializedType(object.getClass().getName(),
                REVISION_PREFIX + AggregateCode.fingerprint(object.getClass()));
        return getConverter().convert(new SimpleSerializedObject<>(stored, byte[].class, type), expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        String revision = serializedObject.getType().getRevision();
        if (revision == null || !revision.startsWith(REVISION_PREFIX)) {
            return general.deserialize(serializedObject);
        }
        ByteBuffer stored = ByteBuffer.wrap(getConverter().convert(serializedObject, byte[].class).getData());
        byte[] ownerBytes = new byte[stored.getShort()];
        stored.get(ownerBytes);
        byte[] sealed = new byte[stored.remaining()];
        stored.get(sealed);
        String owner = new String(ownerBytes, StandardCharsets.UTF_8);
        SecretKey key = keys.currentKeyForReading(owner).orElseThrow(() -> new CoupleErasedException(owner));
        return (T) javaDeserialized(FieldCipher.open(key, sealed, ownerBytes));
    }

    private Field identifierOf(Class<?> type) {
        return identifiers.computeIfAbsent(type, SealedSnapshots::findIdentifier);
    }

    /** The aggregate's identifier field, or a marker when the class is no aggregate. */
    private static Field findIdentifier(Class<?> type) {
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            for (Field field : level.getDeclaredFields()) {
                if (field.isAnnotationPresent(AggregateIdentifier.class)) {
                    field.setAccessible(true);
                    return field;
                }
            }
        }
        return null;
    }

    private static String ownerOf(Object aggregate, Field identifier) {
        try {
            return String.valueOf(identifier.get(aggregate));
        } catch (IllegalAccessException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] javaSerialized(Object aggregate) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(aggregate);
        } catch (IOException notSerializable) {
            throw new SerializationException("Could not snapshot " + aggregate.getClass().getName(), notSerializable);
        }
        return bytes.toByteArray();
    }

    private static Object javaDeserialized(byte[] plain) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(plain))) {
            in.setObjectInputFilter(AGGREGATE_CLASSES);
            return in.readObject();
        } catch (IOException | ClassNotFoundException unreadable) {
            throw new SerializationException("Could not read a snapshot", unreadable);
        }
    }
}
