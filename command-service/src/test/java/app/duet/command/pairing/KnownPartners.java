package app.duet.command.pairing;

import java.util.Map;
import java.util.Optional;

/** The command side's partner lookup as an aggregate test needs it: these people are in these couples, nobody else is. */
final class KnownPartners extends PartnerRegistry {

    private final Map<String, String> coupleByPartner;

    KnownPartners(Map<String, String> coupleByPartner) {
        super(null);
        this.coupleByPartner = Map.copyOf(coupleByPartner);
    }

    static KnownPartners none() {
        return new KnownPartners(Map.of());
    }

    @Override
    Optional<String> coupleOf(String partnerId) {
        return Optional.ofNullable(coupleByPartner.get(partnerId));
    }
}
