package app.duet.command.pairing;

import app.duet.api.pairing.CoupleCreated;

/**
 * Where a couple's stream begins. The couple's root (which holds this package's {@link Pairing} and
 * every other feature's member) implements it, so pairing decides who may open a couple without
 * depending on the root that depends on it.
 */
public interface NewCouples {

    void begin(CoupleCreated created) throws Exception;
}
