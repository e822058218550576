package app.duet.query.clinical;

import app.duet.query.events.ViewsBuiltBy;
import app.duet.query.live.LiveViews;
import app.duet.access.Actor;
import app.duet.api.access.Role;
import app.duet.api.clinical.FindSafetyConcerns;
import app.duet.api.clinical.FindUnseenSafetyConcerns;
import app.duet.api.clinical.FindTherapistNotes;
import app.duet.api.clinical.SafetyConcernView;
import app.duet.api.clinical.TherapistNoteView;
import app.duet.query.access.ViewAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** For a therapist the couple consented to: their own notes, and the safety concerns told to them. */
@RestController
@RequestMapping("/api/queries")
@Tag(name = "Therapist only", description = "Private notes and safety concerns")
@ViewsBuiltBy({LiveViews.PROCESSING_GROUP, ClinicalProjection.PROCESSING_GROUP})
class ClinicalQueryController {

    private final QueryGateway queries;
    private final ViewAccess access;

    ClinicalQueryController(QueryGateway queries, ViewAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/couples/{coupleId}/notes")
    @Operation(summary = "The signed-in therapist's own notes about the couple")
    List<TherapistNoteView> notes(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId) {
        access.requireObserving(actor.require(Role.THERAPIST), coupleId, "notes", ViewAccess.Via.REST);
        return queries.query(new FindTherapistNotes(coupleId, actor.id()),
                ResponseTypes.multipleInstancesOf(TherapistNoteView.class)).join();
    }

    @GetMapping("/couples/{coupleId}/safety-concerns")
    @Operation(summary = "The safety concerns partners raised with the signed-in therapist")
    List<SafetyConcernView> safetyConcerns(@Parameter(hidden = true) Actor actor, @PathVariable String coupleId) {
        access.requireObserving(actor.require(Role.THERAPIST), coupleId, "safety concerns", ViewAccess.Via.REST);
        return queries.query(new FindSafetyConcerns(coupleId, actor.id()),
                ResponseTypes.multipleInstancesOf(SafetyConcernView.class)).join();
    }

    /**
     * Across every couple: the concerns told to the signed-in therapist that they have not read yet, for
     * the banner on each of their screens. A couple whose consent is gone since is left out.
     */
    @GetMapping("/my/safety-concerns")
    @Operation(summary = "The safety concerns told to the signed-in therapist, across their couples, not read yet")
    List<SafetyConcernView> unreadSafetyConcerns(@Parameter(hidden = true) Actor actor) {
        actor.require(Role.THERAPIST);
        return queries.query(new FindUnseenSafetyConcerns(actor.id()), ResponseTypes.multipleInstancesOf(SafetyConcernView.class))
                .join().stream().filter(concern -> access.isObserving(actor, concern.coupleId())).toList();
    }
}
