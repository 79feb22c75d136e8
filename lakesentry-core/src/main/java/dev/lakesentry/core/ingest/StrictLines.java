package dev.lakesentry.core.ingest;

import dev.lakesentry.api.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines of UTF-8 text strictly: invalid UTF-8 and over-long lines are refused naming the file
 * and line; a byte-order mark at the start and CR before LF are removed.
 */
final class StrictLines implements AutoCloseable {
    private final InputStream in;
    private final String file;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long lineNumber;
    private boolean eof;

    StrictLines(InputStream in, String file, int maxLineBytes) {
        this.in = in;
        this.file = file;
        this.maxLineBytes = maxLineBytes;
    }

    /** The number of the line last returned, from 1. */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, or {@code null} at the end. */
    String next() throws IOException {
        if (eof) {
            return null;
        }
        buffer.reset();
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                break;
            }
            if (buffer.size() >= maxLineBytes) {
                throw ValidationException.of("file " + file + " line " + (lineNumber + 1), null, null,
                        "line is longer than " + maxLineBytes + " bytes; split the export or raise the import's line limit");
            }
            buffer.write(b);
        }
        if (b == -1) {
            eof = true;
            if (!any) {
                return null;
            }
        }
        lineNumber++;
        byte[] bytes = buffer.toByteArray();
        int start = 0;
        int end = bytes.length;
        if (lineNumber == 1 && end >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        if (end > start && bytes[end - 1] == '\r') {
            end--;
        }
        try {
            return decoder.reset().decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            throw ValidationException.of("file " + file + " line " + lineNumber, null, null,
                    "is not valid UTF-8 (" + e.getMessage() + "); export the table as UTF-8");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
