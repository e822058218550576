package app.duet.eventstore.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which code an aggregate's state comes from: a digest of the class files of the aggregate and of
 * every Duet class its fields can hold. A snapshot is only as good as the code that wrote it (its
 * fields, and the event sourcing handlers that filled them), so any change to that code makes
 * earlier snapshots pass unused, and the aggregate is read from its events until the next snapshot.
 */
final class AggregateCode {

    private static final Map<Class<?>, String> FINGERPRINTS = new ConcurrentHashMap<>();

    private AggregateCode() {
    }

    static String fingerprint(Class<?> aggregate) {
        return FINGERPRINTS.computeIfAbsent(aggregate, AggregateCode::digest);
    }

    private static String digest(Class<?> aggregate) {
        Map<String, Class<?>> reached = new TreeMap<>();
        Deque<Type> toVisit = new ArrayDeque<>();
        toVisit.push(aggregate);
        while (!toVisit.isEmpty()) {
            Type type = toVisit.pop();
            if (type instanceof ParameterizedType parameterized) {
                toVisit.push(parameterized.getRawType());
                for (Type argument : parameterized.getActualTypeArguments()) {
                    toVisit.push(argument);
                }
            } else if (type instanceof GenericArrayType array) {
                toVisit.push(array.getGenericComponentType());
            } else if (type instanceof Class<?> own && isOwn(own) && reached.putIfAbsent(own.getName(), own) == null) {
                for (Class<?> level = own; level != null && isOwn(level); level = level.getSuperclass()) {
                    for (Field field : level.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers())) {
                            toVisit.push(field.getGenericType());
                        }
                    }
                    toVisit.push(level);
                }
                if (own.getEnclosingClass() != null) {
                    toVisit.push(own.getEnclosingClass());
                }
            } else if (type instanceof Class<?> array && array.isArray()) {
                toVisit.push(array.getComponentType());
            }
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Class<?> own : reached.values()) {
                sha.update(own.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(classFile(own));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isOwn(Class<?> type) {
        return !type.isPrimitive() && !type.isArray() && type.getName().startsWith("app.duet.");
    }

    private static byte[] classFile(Class<?> type) {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in == null ? type.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8) : in.readAllBytes();
        } catch (IOException unreadable) {
            throw new IllegalStateException("Cannot read the class file of " + type.getName(), unreadable);
        }
    }
}
