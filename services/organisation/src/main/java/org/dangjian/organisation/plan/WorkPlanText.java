package org.dangjian.organisation.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dangjian.organisation.plan.ParsedPlan.Item;
import org.dangjian.organisation.plan.ParsedPlan.Section;
import org.dangjian.organisation.plan.PlanTextException.Reason;

/**
 * Reads an annual party-building work plan (年度工作要点) written as Chinese text, as such plans are commonly written,
 * into a {@link ParsedPlan}; refuses what it cannot read faithfully with a {@link PlanTextException} naming the line.
 * Numbering is kept exactly as written: never renumbered, never refused for repeating or skipping a number.
 *
 * <h2>Lines</h2>
 * <ul>
 *   <li>Line endings LF, CRLF or CR; one leading BOM (U+FEFF) is dropped. Lines are numbered from 1 in the original
 *       text, blank lines counted.</li>
 *   <li>Each line is trimmed of leading and trailing white space, including the ideographic space U+3000 (indentation)
 *       and U+00A0; blank lines are ignored everywhere. What remains of a line is a paragraph (段落).</li>
 * </ul>
 *
 * <h2>Numbering (编号), tried in this order on each paragraph</h2>
 * <ol>
 *   <li><b>Section heading</b> (部分, level 1): a Chinese numeral 一 … 九十九 followed by 、 ， , . or ．
 *       ("一、", "二．"), or "第" + a Chinese or Arabic numeral + "部分" or "章", then an optional 、 ， , . ． : or ：
 *       ("第二部分　夯实基础"). {@link Section#no()} is the numeral alone ("一", "二").</li>
 *   <li><b>Bracketed number</b>: an opening bracket （ ( or 【, an Arabic number (half-width 0-9 or full-width ０-９) or a
 *       Chinese numeral, a closing bracket ） ) or 】 ("（一）", "(2)", "【3】"; spaces inside the brackets allowed).
 *       If the closing bracket is missing, i.e. the numeral is followed by white space or ends the line ("（一 加强",
 *       "(3 …"), the text is refused with {@code MALFORMED_NUMBERING}; "（一门式）…" is an ordinary paragraph.</li>
 *   <li><b>Arabic number</b>: an Arabic number followed by 、 . ． , ， ) or ） ("1、", "6.", "１．", "3）"). After . ． , or
 *       ， the next character must not be a digit, so "2.5亿元…", "2022.3…" and "1,000…" are ordinary paragraphs.</li>
 * </ol>
 * A numbering with nothing after it is refused: {@code EMPTY_HEADING} for "二、" or "第二部分", {@code EMPTY_ITEM} for
 * "3、" or "（一）". {@link Item#no()} is the number as written without punctuation or brackets ("8", "１", "一").
 *
 * <h2>Levels</h2>
 * Level 1 is the section heading. Level 2, the item (条目), uses one of three numbering styles: Arabic number, bracketed
 * Arabic number, bracketed Chinese numeral. In each section, the style of the first numbered line after the heading is
 * the style of that section's items; a numbered line of another style is a lower level (e.g. "（1）" under "1、", or
 * "1." under "（一）") and is kept, numbering included, as a continuation paragraph of the current item.
 *
 * <h2>Paragraphs without numbering</h2>
 * <ul>
 *   <li>Before the first section: the first paragraph of the text is the <b>title</b> (标题) if it has at most 40
 *       characters, is not a date line and does not end with 。 ； ; ： : ， or ,. A <b>date line</b> (日期) is a
 *       paragraph that is only a date: "2022年3月1日", "2022年3月", "二〇二二年三月一日", "2022-03-01", "2022.3.1" or
 *       "2022/3/1", spaces ignored, optionally in brackets （…） or (…). The first date line before the first section,
 *       or else the last paragraph of the text if it is a date line, is {@link ParsedPlan#dateLine()}. Every other
 *       paragraph before the first section is preamble (导语).</li>
 *   <li>After a section heading and before its first item: the section's intro (引言).</li>
 *   <li>After an item: a continuation of that item's text.</li>
 * </ul>
 *
 * <h2>Refusals, in this order</h2>
 * The size ({@code PLAN_TEXT_TOO_LONG}: over 2,000 lines or 200,000 characters, checked before anything else), then a
 * blank text ({@code PLAN_TEXT_EMPTY}), then each line in reading order ({@code UNREADABLE_TEXT} for a control
 * character other than tab or U+FFFD, {@code MALFORMED_NUMBERING}, {@code EMPTY_HEADING}, {@code EMPTY_ITEM}), then a
 * text without any section heading ({@code PLAN_NO_SECTIONS}), then the structure in reading order
 * ({@code ITEM_BEFORE_SECTION}, {@code SECTION_WITHOUT_ITEMS} naming the heading's line).
 */
public final class WorkPlanText {

    /** The most lines a plan text may have, blank lines included. */
    public static final int MAX_LINES = 2_000;
    /** The most characters (Unicode code points) a plan text may have. */
    public static final int MAX_CHARS = 200_000;

    private static final int MAX_TITLE_LENGTH = 40;
    private static final int EXCERPT_LENGTH = 20;
    private static final String TITLE_NOT_ENDING_WITH = "。；;：:，,";
    private static final String NUMBER_CONTINUES_AFTER = ".．,，";
    private static final String FINAL_STOPS = "。.．";

    private static final String SPACE = "[\\s\\u00A0\\u3000]";
    private static final String CN = "(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])";
    private static final String DIGITS = "[0-9０-９]+";
    private static final Pattern SECTION = Pattern.compile("(" + CN + ")[、，,.．](.*)", Pattern.DOTALL);
    private static final Pattern PART = Pattern.compile("第(" + CN + "|" + DIGITS + ")(?:部分|章)[、，,.．:：]?(.*)", Pattern.DOTALL);
    private static final Pattern BRACKETED =
            Pattern.compile("[（(【]" + SPACE + "*(" + DIGITS + "|" + CN + ")" + SPACE + "*[）)】](.*)", Pattern.DOTALL);
    private static final Pattern UNCLOSED =
            Pattern.compile("[（(【]" + SPACE + "*(?:" + DIGITS + "|" + CN + ")(?:" + SPACE + ".*)?", Pattern.DOTALL);
    private static final Pattern ARABIC = Pattern.compile("(" + DIGITS + ")([、.．,，)）])(.*)", Pattern.DOTALL);
    private static final Pattern DATE = Pattern.compile(String.join("|",
            "[0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?",
            "[〇○零一二三四五六七八九]{4}年(?:十[一二]?|[一二三四五六七八九])月(?:(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日)?",
            "[0-9]{4}[-./][0-9]{1,2}(?:[-./][0-9]{1,2})?"));

    private WorkPlanText() {
    }

    /**
     * Parses a work-plan text as described in the class documentation.
     *
     * @param text the whole text, already decoded (UTF-8 for the files of this project); null is taken as empty
     * @return the plan with at least one section, each with at least one item
     * @throws PlanTextException when the text is refused; it names the line and the error code
     */
    public static ParsedPlan parse(String text) {
        String whole = text == null ? "" : text;
        checkSize(whole);
        if (isBlank(whole)) {
            throw new PlanTextException(Reason.PLAN_TEXT_EMPTY, 1, "");
        }
        List<Line> lines = classify(whole.startsWith("\uFEFF") ? whole.substring(1) : whole);
        if (lines.stream().noneMatch(line -> line.kind() == Kind.SECTION)) {
            throw new PlanTextException(Reason.PLAN_NO_SECTIONS, 1, "");
        }
        return new Assembly(lines).build();
    }

    private static void checkSize(String text) {
        boolean tooManyChars = text.length() > MAX_CHARS && text.codePointCount(0, text.length()) > MAX_CHARS;
        if (tooManyChars || lineCount(text) > MAX_LINES) {
            throw new PlanTextException(Reason.PLAN_TEXT_TOO_LONG, 1, "");
        }
    }

    /** Lines as an editor counts them: a final line terminator does not start another line. */
    private static int lineCount(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int terminators = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (c == '\n' || c == '\r' && !crlf) {
                terminators++;
            }
        }
        char last = text.charAt(text.length() - 1);
        return last == '\n' || last == '\r' ? terminators : terminators + 1;
    }

    /** The non-blank lines, trimmed and classified, with their 1-based numbers in the original text. */
    private static List<Line> classify(String text) {
        String[] raw = text.split("\r\n|\r|\n", -1);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            checkReadable(i + 1, raw[i]);
            String trimmed = trim(raw[i]);
            if (!trimmed.isEmpty()) {
                lines.add(classify(i + 1, trimmed));
            }
        }
        return lines;
    }

    private static void checkReadable(int number, String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\uFFFD' || c != '\t' && Character.getType(c) == Character.CONTROL) {
                throw new PlanTextException(Reason.UNREADABLE_TEXT, number, "U+%04X".formatted((int) c));
            }
        }
    }

    private static Line classify(int number, String text) {
        Line heading = heading(number, text);
        if (heading != null) {
            return heading;
        }
        Line item = item(number, text);
        return item != null ? item : new Line(number, text, Kind.PARAGRAPH, "", null, text);
    }

    private static Line heading(int number, String text) {
        Matcher m = SECTION.matcher(text);
        if (!m.matches()) {
            m = PART.matcher(text);
            if (!m.matches()) {
                return null;
            }
        }
        String title = trim(withoutFinalStop(trim(m.group(2))));
        String mark = mark(text, m.group(2));
        if (title.isEmpty()) {
            throw new PlanTextException(Reason.EMPTY_HEADING, number, mark);
        }
        return new Line(number, text, Kind.SECTION, mark, m.group(1), title);
    }

    private static Line item(int number, String text) {
        Matcher bracketed = BRACKETED.matcher(text);
        if (bracketed.matches()) {
            Kind kind = Character.isDigit(bracketed.group(1).charAt(0)) ? Kind.BRACKETED_ARABIC : Kind.BRACKETED_CHINESE;
            return numbered(number, text, kind, bracketed.group(1), bracketed.group(2));
        }
        if (UNCLOSED.matcher(text).matches()) {
            throw new PlanTextException(Reason.MALFORMED_NUMBERING, number, excerpt(text));
        }
        Matcher arabic = ARABIC.matcher(text);
        if (arabic.matches() && !continuesNumber(arabic.group(2), arabic.group(3))) {
            return numbered(number, text, Kind.ARABIC, arabic.group(1), arabic.group(3));
        }
        return null;
    }

    /** Whether "2.5" or "1,000" was read as a number and its punctuation rather than as a numbering. */
    private static boolean continuesNumber(String punctuation, String rest) {
        return NUMBER_CONTINUES_AFTER.contains(punctuation) && !rest.isEmpty() && Character.isDigit(rest.charAt(0));
    }

    private static Line numbered(int number, String text, Kind kind, String no, String rest) {
        String mark = mark(text, rest);
        String body = trim(rest);
        if (body.isEmpty()) {
            throw new PlanTextException(Reason.EMPTY_ITEM, number, mark);
        }
        return new Line(number, text, kind, mark, no, body);
    }

    /** The numbering as written, e.g. "1、" or "（一）": the text before what follows it. */
    private static String mark(String text, String rest) {
        return trim(text.substring(0, text.length() - rest.length()));
    }

    private static boolean isDate(String paragraph) {
        StringBuilder s = new StringBuilder();
        paragraph.codePoints().filter(c -> !isSpace(c)).map(WorkPlanText::asciiDigit).forEach(s::appendCodePoint);
        String date = s.toString();
        boolean opens = date.startsWith("（") || date.startsWith("(");
        boolean closes = date.endsWith("）") || date.endsWith(")");
        if (opens && closes && date.length() > 2) {
            date = date.substring(1, date.length() - 1);
        }
        return DATE.matcher(date).matches();
    }

    private static boolean isTitle(String paragraph) {
        int length = paragraph.codePointCount(0, paragraph.length());
        char last = paragraph.charAt(paragraph.length() - 1);
        return length <= MAX_TITLE_LENGTH && TITLE_NOT_ENDING_WITH.indexOf(last) < 0 && !isDate(paragraph);
    }

    private static int asciiDigit(int c) {
        return c >= '０' && c <= '９' ? c - '０' + '0' : c;
    }

    private static String withoutFinalStop(String text) {
        boolean stop = !text.isEmpty() && FINAL_STOPS.indexOf(text.charAt(text.length() - 1)) >= 0;
        return stop ? text.substring(0, text.length() - 1) : text;
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    private static boolean isBlank(String text) {
        return text.codePoints().allMatch(WorkPlanText::isSpace);
    }

    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static String excerpt(String text) {
        if (text.codePointCount(0, text.length()) <= EXCERPT_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, EXCERPT_LENGTH)) + "…";
    }

    /** What a paragraph is, by its numbering. */
    private enum Kind {
        SECTION, ARABIC, BRACKETED_ARABIC, BRACKETED_CHINESE, PARAGRAPH
    }

    /**
     * A non-blank line, trimmed.
     *
     * @param number 1-based line number in the original text
     * @param text   the trimmed line
     * @param kind   what its numbering makes it
     * @param mark   the numbering as written, e.g. "1、"; empty for a paragraph
     * @param no     the number as written, e.g. "1"; null for a paragraph
     * @param rest   what follows the numbering, trimmed (for a heading also without a final stop); the text for a paragraph
     */
    private record Line(int number, String text, Kind kind, String mark, String no, String rest) {
    }

    /** Puts the classified lines together into sections and items, in one pass in reading order. */
    private static final class Assembly {

        private final List<Line> lines;
        private final List<String> preamble = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        private String title;
        private String dateLine;
        private SectionDraft section;
        private ItemDraft item;
        private int itemPosition;

        Assembly(List<Line> lines) {
            this.lines = lines;
        }

        ParsedPlan build() {
            for (int i = 0; i < lines.size(); i++) {
                accept(lines.get(i), i == 0, i == lines.size() - 1);
            }
            closeSection();
            return new ParsedPlan(title, dateLine, preamble, sections);
        }

        private void accept(Line line, boolean first, boolean last) {
            if (line.kind() == Kind.SECTION) {
                closeSection();
                section = new SectionDraft(line);
            } else if (section == null) {
                beforeSections(line, first);
            } else if (line.kind() != Kind.PARAGRAPH) {
                numbered(line);
            } else {
                paragraph(line, last);
            }
        }

        private void beforeSections(Line line, boolean first) {
            if (line.kind() != Kind.PARAGRAPH) {
                throw new PlanTextException(Reason.ITEM_BEFORE_SECTION, line.number(), line.mark());
            }
            if (first && isTitle(line.text())) {
                title = line.text();
            } else if (dateLine == null && isDate(line.text())) {
                dateLine = line.text();
            } else {
                preamble.add(line.text());
            }
        }

        private void numbered(Line line) {
            if (section.style == null) {
                section.style = line.kind();
            }
            if (line.kind() == section.style) {
                closeItem();
                item = new ItemDraft(line);
            } else {
                item.paragraphs.add(line.text());
            }
        }

        private void paragraph(Line line, boolean last) {
            if (last && dateLine == null && isDate(line.text())) {
                dateLine = line.text();
            } else if (item != null) {
                item.paragraphs.add(line.text());
            } else {
                section.intro.add(line.text());
            }
        }

        private void closeItem() {
            if (item != null) {
                section.items.add(item.toItem(++itemPosition));
                item = null;
            }
        }

        private void closeSection() {
            if (section == null) {
                return;
            }
            closeItem();
            Line heading = section.heading;
            if (section.items.isEmpty()) {
                throw new PlanTextException(Reason.SECTION_WITHOUT_ITEMS, heading.number(), excerpt(heading.text()));
            }
            String intro = section.intro.isEmpty() ? null : String.join("\n", section.intro);
            sections.add(new Section(sections.size() + 1, heading.no(), heading.rest(), intro, heading.number(), section.items));
            section = null;
        }
    }

    /** A section being read. */
    private static final class SectionDraft {

        private final Line heading;
        private final List<String> intro = new ArrayList<>();
        private final List<Item> items = new ArrayList<>();
        private Kind style;

        SectionDraft(Line heading) {
            this.heading = heading;
        }
    }

    /** An item being read: its numbered line and the continuation paragraphs so far. */
    private static final class ItemDraft {

        private final Line first;
        private final List<String> paragraphs = new ArrayList<>();

        ItemDraft(Line first) {
            this.first = first;
        }

        Item toItem(int position) {
            List<String> all = new ArrayList<>();
            all.add(first.rest());
            all.addAll(paragraphs);
            return new Item(position, first.no(), firstSentence(first.rest()), String.join("\n", all), first.number());
        }

        /** The text before the first 。, or the whole text if it has none. */
        private static String firstSentence(String text) {
            int stop = text.indexOf('。');
            return stop < 0 ? text : text.substring(0, stop);
        }
    }
}
