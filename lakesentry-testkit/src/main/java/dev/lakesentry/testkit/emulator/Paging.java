package dev.lakesentry.testkit.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque page tokens over an ordered list: the token encodes the offset of the next page. */
final class Paging {

    private Paging() {
    }

    record Page<T>(List<T> items, String nextToken, String previousToken) {
    }

    static <T> Page<T> page(List<T> all, String token, int pageSize) {
        int offset = token == null || token.isBlank() ? 0 : decode(token);
        int end = Math.min(all.size(), offset + pageSize);
        List<T> items = offset >= all.size() ? List.of() : List.copyOf(all.subList(offset, end));
        String next = end < all.size() ? encode(end) : null;
        String previous = offset > 0 ? encode(Math.max(0, offset - pageSize)) : null;
        return new Page<>(items, next, previous);
    }

    static int pageSize(String text, int fallback, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int size = Integer.parseInt(text.trim());
            if (size < 0 || size > max) {
                throw ApiException.invalidParameter("page size must be between 0 and " + max + ", was " + size);
            }
            return size == 0 ? fallback : size;
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter("page size must be a number, was " + text);
        }
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("offset:")) {
                throw new IllegalArgumentException(text);
            }
            return Integer.parseInt(text.substring("offset:".length()));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("Invalid page token: " + token);
        }
    }
}
