package app.duet.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.util.List;

/**
 * On every start, each part's kept keys are wrapped with the key-encryption key's primary: keys an
 * earlier build kept in the clear, and keys still wrapped by an older key after a rotation.
 * {@code duet.keys.rotate=true} first adds a new primary key; {@code duet.keys.retire-old=true} then
 * drops the older ones, once every part has wrapped its keys anew (standalone does all in one start:
 * set both; in the distributed stack, start each service once with rotate on one of them, then
 * retire on one).
 */
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final KeyEncryptionKey key;
    private final List<KeptKeys> kept;
    private final boolean rotate;
    private final boolean retireOld;

    public KeyRotation(KeyEncryptionKey key, List<KeptKeys> kept, boolean rotate, boolean retireOld) {
        this.key = key;
        this.kept = kept;
        this.rotate = rotate;
        this.retireOld = retireOld;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void wrapEveryKeptKeyWithThePrimary() {
        if (rotate) {
            key.rotate();
        }
        for (KeptKeys keys : kept) {
            int changed = keys.wrapWithPrimary();
            if (changed > 0) {
                log.info("Wrapped {} of {} with the current key-encryption key", changed, keys.name());
            }
        }
        if (retireOld && key.size() > 1) {
            int behind = kept.stream().mapToInt(KeptKeys::notWrappedWithPrimary).sum();
            if (behind > 0) {
                // Dropping them now would shred what they still wrap: a rotation another instance made after this one's start, say.
                log.warn("Kept the older keys of the key-encryption key: {} kept keys are not wrapped with the primary yet", behind);
            } else {
                key.dropAllButPrimary();
                log.info("Dropped the older keys of the key-encryption key at {}", key.file());
            }
        }
    }
}
