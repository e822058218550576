package app.duet.api.lists;

/** The personal lists a partner keeps about the relationship. */
public enum ListKind {
    RELATIONSHIP_NEED,
    BOUNDARY,
    DEAL_BREAKER
}
