package app.duet.eventstore.privacy;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

/** A serializer that changes how some payloads are written and read, and leaves types and conversion to the one it wraps. */
abstract class WrappingSerializer implements Serializer {

    private final Serializer wrapped;

    WrappingSerializer(Serializer wrapped) {
        this.wrapped = wrapped;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return wrapped.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return wrapped.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return wrapped.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return wrapped.getConverter();
    }
}
