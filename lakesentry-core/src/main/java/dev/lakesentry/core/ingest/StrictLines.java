package dev.lakesentry.core.ingest;

import dev.lakesentry.api.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines of UTF-8 text strictly: invalid UTF-8 and over-long lines are refused naming the file
 * and line; a byte-order mark at the start and CR before LF are removed. JSON Lines are read line by
 * line, CSV through {@link #asReader()}.
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

    /**
     * The remaining lines as one text, each ended by LF: for parsers that read characters (CSV), so invalid
     * UTF-8 and over-long lines are refused naming their own physical line, not wherever the parser's
     * read-ahead happened to be.
     */
    Reader asReader() {
        return new Reader() {
            private String line = "";
            private int pos;
            private boolean newline;
            private boolean done;

            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int n = 0;
                while (n < len) {
                    if (pos < line.length()) {
                        int k = Math.min(len - n, line.length() - pos);
                        line.getChars(pos, pos + k, cbuf, off + n);
                        pos += k;
                        n += k;
                    } else if (newline) {
                        cbuf[off + n++] = '\n';
                        newline = false;
                    } else if (done) {
                        break;
                    } else {
                        String next = next();
                        if (next == null) {
                            done = true;
                        } else {
                            line = next;
                            pos = 0;
                            newline = true;
                            if (n > 0) {
                                break;
                            }
                        }
                    }
                }
                return n == 0 && done ? -1 : n;
            }

            @Override
            public void close() throws IOException {
                StrictLines.this.close();
            }
        };
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
