package app.duet.api.everyday;

/** The personal lists a partner keeps about the relationship. */
public enum ListKind {
    RELATIONSHIP_NEED,
    BOUNDARY,
    DEAL_BREAKER
}
