package app.duet.command.identity;

/**
 * The partner on whose behalf a request acts, taken from the {@value #HEADER} header. A stand-in
 * until requests carry signed tokens: then it comes from the token's subject instead.
 */
public record ActingPartner(String partnerId) {

    public static final String HEADER = "X-Duet-Partner";
}
