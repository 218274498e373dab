package com.caseledger.platform.database;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Text as PostgreSQL can store it. PostgreSQL refuses NUL in text and jsonb columns; the edge refuses it in new
 * requests, but an event stored before that rule (or by an import) may hold one, and a projection must be able to
 * store every recorded event. NUL and unpaired surrogates become U+FFFD, the Unicode replacement character.
 */
public final class StorableText {

    public static final char REPLACEMENT = '\uFFFD';

    private StorableText() {
    }

    public static String of(String text) {
        if (text == null || storable(text)) {
            return text;
        }
        StringBuilder storable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                storable.append(c).append(text.charAt(++i));
            } else {
                storable.append(c == '\0' || Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return storable.toString();
    }

    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' || Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
        }
        return true;
    }

    /** For JSON written to a jsonb column: NUL is written as U+FFFD rather than the escape jsonb refuses. */
    public static CharacterEscapes jsonEscapes() {
        return JsonEscapes.INSTANCE;
    }

    private static final class JsonEscapes extends CharacterEscapes {
        private static final JsonEscapes INSTANCE = new JsonEscapes();
        private static final SerializableString NUL_REPLACEMENT = new SerializedString(String.valueOf(REPLACEMENT));
        private final int[] asciiEscapes = standardAsciiEscapesForJSON();

        private JsonEscapes() {
            asciiEscapes[0] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0 ? NUL_REPLACEMENT : null;
        }
    }
}
