package dev.lakesentry.testkit.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random stream keyed by a path such as {@code ws/3/cluster/1}: each entity derives its own
 * stream from the seed and its key, so adding one kind of entity never reshuffles the others. Only
 * {@link StrictMath} is used, so the numbers are the same on every JVM.
 */
final class Rng {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final long seed;
    private final String key;
    private final SplittableRandom random;

    Rng(long seed, String key) {
        this.seed = seed;
        this.key = key;
        this.random = new SplittableRandom(mix(seed, key));
    }

    /** An independent stream for a sub-key; it does not depend on how much of this stream was used. */
    Rng child(String sub) {
        return new Rng(seed, key + "/" + sub);
    }

    static long mix(long seed, String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return fmix(fmix(seed * 0x9E3779B97F4A7C15L) ^ fmix(h));
    }

    private static long fmix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    double unit() {
        return random.nextDouble();
    }

    double between(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** A uniform integer in {@code [lo, hi]}. */
    int intBetween(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    long longBetween(long lo, long hiExclusive) {
        return random.nextLong(lo, hiExclusive);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A standard normal variate (Box-Muller over {@link StrictMath}). */
    double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** A multiplicative noise factor with median 1. */
    double lognormal(double sigma) {
        return StrictMath.exp(sigma * gaussian());
    }

    /** A Poisson variate (Knuth for small means, a rounded normal for large ones). */
    int poisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 40) {
            return (int) Math.max(0, Math.round(lambda + StrictMath.sqrt(lambda) * gaussian()));
        }
        double l = StrictMath.exp(-lambda);
        int k = 0;
        double p = 1.0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    String hex(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(HEX[random.nextInt(16)]);
        }
        return sb.toString();
    }

    String alnum(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM[random.nextInt(ALNUM.length)]);
        }
        return sb.toString();
    }

    /** n decimal digits, the first not zero. */
    String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        sb.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    /** A random (version 4 layout) UUID text. */
    String uuid() {
        String h = hex(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-"
                + HEX[8 + random.nextInt(4)] + h.substring(17, 20) + "-" + h.substring(20, 32);
    }
}
