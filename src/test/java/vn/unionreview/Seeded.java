package vn.unionreview;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Property-based checks over JUnit 5 with seeded generators: a property is run on {@code tries} values, try i drawing
 * from {@code new Random(seed + i)}. A failure names the seed of the failing try, and {@code -Dproperty.seed=N
 * -Dproperty.tries=1} replays exactly that one. {@code -Dproperty.scale=K} runs K times as many tries (for a long run
 * outside CI).
 */
public final class Seeded {

    /** The base seed of every property unless -Dproperty.seed says otherwise: runs are the same on every machine. */
    public static final long DEFAULT_SEED = 20261202L;

    private Seeded() {}

    public static <T> void forAll(int tries, Function<Random, T> generator, Consumer<T> property) {
        long seed = Long.getLong("property.seed", DEFAULT_SEED);
        int n = Integer.getInteger("property.tries", tries * Integer.getInteger("property.scale", 1));
        for (int i = 0; i < n; i++) {
            long trySeed = seed + i;
            T value = generator.apply(new Random(trySeed));
            try {
                property.accept(value);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "property failed on try " + (i + 1) + " of " + n + " (replay: -Dproperty.seed=" + trySeed
                                + " -Dproperty.tries=1)\nvalue: " + abbreviate(String.valueOf(value)) + "\n"
                                + e.getMessage(),
                        e);
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "… (" + s.length() + " characters)";
    }

    /** A string of 0..maxLength characters drawn from {@code alphabet}. */
    public static String string(Random random, String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
