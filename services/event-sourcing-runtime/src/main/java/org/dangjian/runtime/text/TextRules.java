package org.dangjian.runtime.text;

import java.text.Normalizer;

/**
 * What a name (名称) or a free text (说明, e.g. a reason) sent to any service may hold, the one rule of the platform
 * (docs/api.md, "Text"). Every string of a request body is first normalised to Unicode NFC ({@link #normalise}); then:
 *
 * <ul>
 *   <li>no control characters (Unicode category Cc: NUL, ESC, C1 controls ...), except a line feed (U+000A) in a free
 *       text; no format characters (Cf: zero-width spaces and joiners, the bidirectional overrides such as U+202E,
 *       the byte-order mark), no private-use (Co), unassigned (Cn) or lone surrogate (Cs) code points, no line or
 *       paragraph separators (Zl, Zp);</li>
 *   <li>the only spaces are U+0020 and the ideographic space U+3000; a name holds no line feed, and neither begins
 *       nor ends with a space;</li>
 *   <li>a name holds at least one letter or digit (L, N), a free text at least one visible character;</li>
 *   <li>lengths are counted in Unicode code points (characters as a person counts them, 党 = 1, 😀 = 1), after NFC.</li>
 * </ul>
 */
public final class TextRules {

    /** The kinds of text the rule knows. */
    public enum Kind { NAME, FREE_TEXT }

    /** Why a text is refused: a message key of ContributorValidationMessages and the offending code point, if one. */
    public record Refusal(String reason, int codePoint, int position) {

        /** {@code U+202E}. */
        public String codePointLabel() {
            return codePoint < 0 ? "" : String.format("U+%04X", codePoint);
        }
    }

    private TextRules() {
    }

    /** NFC, the one normal form of every text the platform stores. */
    public static String normalise(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** The length a person counts: code points. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Why {@code text} is not a valid text of the kind, or {@code null} when it is. */
    public static Refusal check(String text, Kind kind) {
        boolean meaningful = false;
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String refused = refused(cp, kind);
            if (refused != null) {
                return new Refusal(refused, cp, position);
            }
            if (kind == Kind.NAME ? Character.isLetterOrDigit(cp) : !isSpace(cp) && cp != '\n') {
                meaningful = true;
            }
            i += Character.charCount(cp);
            position++;
        }
        if (!meaningful) {
            return new Refusal(kind == Kind.NAME ? "noLetter" : "blank", -1, -1);
        }
        if (kind == Kind.NAME && (isSpace(text.codePointAt(0)) || isSpace(text.codePointBefore(text.length())))) {
            return new Refusal("edgeSpace", -1, -1);
        }
        return null;
    }

    private static String refused(int cp, Kind kind) {
        if (cp == '\n') {
            return kind == Kind.FREE_TEXT ? null : "lineBreak";
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
                return "control";
            case Character.FORMAT:
                return "invisible";
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
                return "unassigned";
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return "lineBreak";
            case Character.SPACE_SEPARATOR:
                return isSpace(cp) ? null : "space";
            default:
                return null;
        }
    }

    private static boolean isSpace(int cp) {
        return cp == ' ' || cp == '\u3000';
    }
}
