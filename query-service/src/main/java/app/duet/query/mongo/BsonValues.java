package app.duet.query.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * How the views file keeps a document, in memory as in the file: its BSON bytes ({@link PackedCollection}),
 * stored behind a tag of its own. H2's default type wrote each document with Java serialization (class
 * descriptors and all), and serialized it once more on every write only to guess its size in memory;
 * a file written that way still reads, value by value, through H2's type, and each document is BSON
 * from its next write on. Files written while documents were kept as objects hold the same bytes.
 */
final class BsonValues extends BasicDataType<byte[]> {

    /** A first byte H2's own type never writes (its tags end at 119). */
    private static final byte BSON = (byte) 0xF7;

    private final ObjectDataType earlier = new ObjectDataType();

    static byte[] encode(Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            return ByteBufUtil.getBytes(bson);
        } finally {
            bson.release();
        }
    }

    static Document decode(byte[] bson) {
        return bson == null ? null : BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int getMemory(byte[] bson) {
        return 24 + bson.length;
    }

    @Override
    public void write(WriteBuffer buffer, byte[] bson) {
        buffer.put(BSON).put(bson);
    }

    @Override
    public byte[] read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return encode((Document) earlier.read(buffer));
        }
        buffer.get();
        // BSON's first four bytes are the document's length, little-endian, themselves included.
        byte[] bson = new byte[Integer.reverseBytes(buffer.getInt(buffer.position()))];
        buffer.get(bson);
        return bson;
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }

    @Override
    public int compare(byte[] one, byte[] other) {
        throw new UnsupportedOperationException("Documents are values, never keys");
    }
}
