package app.duet.query.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * How the views file stores a document: as BSON behind a tag of its own. H2's default type wrote each
 * document with Java serialization (class descriptors and all), and serialized it once more on every
 * write only to guess its size in memory: most of a standalone product's allocation under load. A
 * file written that way still reads, value by value, through H2's type, and each document is BSON
 * from its next write on.
 */
final class BsonValues extends BasicDataType<Document> {

    /** A first byte H2's own type never writes (its tags end at 119). */
    private static final byte BSON = (byte) 0xF7;

    private final ObjectDataType earlier = new ObjectDataType();

    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(BSON).put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) earlier.read(buffer);
        }
        buffer.get();
        // BSON's first four bytes are the document's length, little-endian, themselves included.
        int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice().limit(length));
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(bson);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    @Override
    public int compare(Document one, Document other) {
        throw new UnsupportedOperationException("Documents are values, never keys");
    }

    /** Roughly the heap a document takes, by walking it: for the page cache's bound, without encoding it. */
    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 48 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> items) {
            int size = 48;
            for (Object item : items) {
                size += 8 + estimate(item);
            }
            return size;
        }
        if (value instanceof CharSequence text) {
            return 48 + text.length();
        }
        if (value instanceof byte[] bytes) {
            return 24 + bytes.length;
        }
        return 24;
    }
}
