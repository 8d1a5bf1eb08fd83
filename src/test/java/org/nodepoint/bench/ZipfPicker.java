package org.nodepoint.bench;

import java.util.Arrays;
import java.util.Random;

/**
 * Draws one of {@code n} items with Zipf-like skew: the item of rank r (from 1) has weight
 * 1 / r^exponent. Ranks are given to the items in a random order, so the most popular item is not
 * always the first one. Uses StrictMath so that a seed gives the same draws on every JVM.
 */
final class ZipfPicker {
    private final double[] cumulative;
    /** The item at each rank; rank 0 is the most popular. */
    private final int[] itemAtRank;

    ZipfPicker(int n, double exponent, Random random) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 0; rank < n; rank++) {
            sum += 1 / StrictMath.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        itemAtRank = new int[n];
        for (int i = 0; i < n; i++) {
            itemAtRank[i] = i;
        }
        // Fisher-Yates shuffle, written out so that the draws do not depend on Collections.shuffle.
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = itemAtRank[i];
            itemAtRank[i] = itemAtRank[j];
            itemAtRank[j] = swap;
        }
    }

    /** Returns an item index between 0 and n - 1. */
    int pick(Random random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int rank = Arrays.binarySearch(cumulative, target);
        if (rank < 0) {
            rank = -rank - 1;
        }
        return itemAtRank[Math.min(rank, cumulative.length - 1)];
    }

    /** Returns the item of this rank, 0 being the most popular. */
    int itemAtRank(int rank) {
        return itemAtRank[rank];
    }
}
