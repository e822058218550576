package app.duet.command.couple;

import app.duet.command.consent.Consent;
import app.duet.command.session.ObservingTherapists;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Asks the couple itself whether a therapist may observe: its {@link Consent} decides, from the
 * couple's events, so a session's rule can never disagree with the couple's, and no lookup table
 * needs filling for couples that consented before sessions asked. It lives beside the couple's root,
 * which it loads: in {@code consent} it would make that package and the root's depend on each other.
 */
@Component
class TherapistConsents implements ObservingTherapists {

    private final Repository<Couple> couples;

    TherapistConsents(@Lazy Repository<Couple> couples) {
        this.couples = couples;
    }

    @Override
    public boolean observes(String coupleId, String therapistId) {
        return couples.load(coupleId).invoke(couple -> couple.isObservedBy(therapistId));
    }
}
