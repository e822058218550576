package app.duet.api.lists;

import app.duet.api.privacy.DataOwner;
import app.duet.api.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A need, boundary or deal-breaker went on its author's list, private until shared. */
@Revision("1")
public record ListItemKept(@DataOwner String coupleId, String itemId, String authorId, ListKind list, @PersonalData String words) {
}
