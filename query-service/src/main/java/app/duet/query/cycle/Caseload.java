package app.duet.query.cycle;

import app.duet.api.cycle.FindCaseload;
import app.duet.api.pairing.CoupleView;
import app.duet.query.pairing.CoupleOverviews;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** A therapist's caseload: the overviews of the couples whose access for them is active (indexed in the overview). */
@Component
public class Caseload {

    private final CoupleOverviews couples;

    public Caseload(CoupleOverviews couples) {
        this.couples = couples;
    }

    @QueryHandler
    public List<CoupleView> handle(FindCaseload query) {
        return couples.viewsObservedBy(query.therapistId());
    }
}
