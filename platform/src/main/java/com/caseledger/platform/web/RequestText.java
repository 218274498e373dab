package com.caseledger.platform.web;

import java.util.Optional;

/**
 * What text a request may carry. Control characters (NUL above all, which PostgreSQL cannot store) and unpaired
 * surrogates (which no encoding can write) are refused at the edge; free text may hold tabs and line breaks,
 * identifiers and query values may not, so none of them can break a log line, a CSV row or a stored row.
 */
public final class RequestText {

    public static final String FREE_TEXT_RULE =
            "must not contain control characters (other than tab and line breaks) or unpaired surrogates";
    public static final String SINGLE_LINE_RULE =
            "must not contain control characters, tabs, line breaks or unpaired surrogates";

    private RequestText() {
    }

    /** Why {@code text} is refused as free text, if it is. */
    public static Optional<String> freeTextProblem(String text) {
        return refused(text, true) ? Optional.of(FREE_TEXT_RULE) : Optional.empty();
    }

    /** Why {@code text} is refused as an identifier or a query value, if it is. */
    public static Optional<String> singleLineProblem(String text) {
        return refused(text, false) ? Optional.of(SINGLE_LINE_RULE) : Optional.empty();
    }

    private static boolean refused(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c) || refusedCharacter(c, lineBreaksAllowed)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refusedCharacter(char c, boolean lineBreaksAllowed) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return !lineBreaksAllowed;
        }
        if (c == '\u2028' || c == '\u2029') {
            return !lineBreaksAllowed;
        }
        return Character.getType(c) == Character.CONTROL || c == '\uFFFE' || c == '\uFFFF';
    }
}
