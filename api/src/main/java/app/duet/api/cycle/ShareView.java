package app.duet.api.cycle;

/**
 * A share of something counted ({@code count} of {@code of}), shown as small while it is small: the
 * percentage and its 95% Wilson score interval ({@code low}..{@code high}) are null until {@code of}
 * reaches the minimum, and {@code needed} says how many more it takes. {@code count} may hold halves
 * (a check-point partly kept counts half).
 */
public record ShareView(double count, int of, Integer percent, Integer low, Integer high, int needed) {

    /** The 95% interval's z. */
    private static final double Z = 1.959964;

    /** The share of count in of, with its interval once of reaches minimum. */
    public static ShareView of(double count, int of, int minimum) {
        if (of < Math.max(1, minimum)) {
            return new ShareView(count, of, null, null, null, Math.max(1, minimum) - of);
        }
        double p = count / of;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * of)) / (1 + z2 / of);
        double half = Z * Math.sqrt(p * (1 - p) / of + z2 / (4.0 * of * of)) / (1 + z2 / of);
        return new ShareView(count, of, (int) Math.round(100 * p), (int) Math.floor(100 * Math.max(0, centre - half)),
                (int) Math.ceil(100 * Math.min(1, centre + half)), 0);
    }

    /** Whether there is enough to show it as a percentage. */
    public boolean shown() {
        return percent != null;
    }
}
