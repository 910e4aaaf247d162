package org.dyad.contracts.query;

import java.util.List;

/** One page of a longer answer. {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
