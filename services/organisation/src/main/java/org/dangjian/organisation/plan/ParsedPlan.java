package org.dangjian.organisation.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An annual party-building work plan (年度工作要点) as read from its text by {@link WorkPlanText#parse(String)}: an
 * optional title (标题) and date line (日期), the preamble (导语, the paragraphs before the first section), and the
 * sections (部分, "一、…") with their items (条目, "1、…"). Numbering is kept as written, never renumbered: the plan of
 * 2022 has two items "8" and an item "6" after the first "8", so an item is identified by its {@link Item#position()}.
 *
 * @param title    the title line (标题), e.g. "中心党委2022年党建工作要点"; null when the text has none
 * @param dateLine the date line (日期) as written, e.g. "2022年3月1日"; null when the text has none
 * @param preamble the paragraphs before the first section that are neither the title nor the date line (导语)
 * @param sections the sections in reading order, at least one
 */
public record ParsedPlan(String title, String dateLine, List<String> preamble, List<Section> sections) {

    private static final String FORMAT = "dangjian-work-plan/1";

    /** Makes the lists unmodifiable copies. */
    public ParsedPlan {
        preamble = List.copyOf(preamble);
        sections = List.copyOf(sections);
    }

    /**
     * How many items (条目) the plan holds.
     *
     * @return the number of items across all sections
     */
    public int itemCount() {
        return sections.stream().mapToInt(s -> s.items().size()).sum();
    }

    /**
     * All items (条目) of all sections.
     *
     * @return the items in reading order, i.e. ordered by {@link Item#position()}
     */
    public List<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream()).toList();
    }

    /**
     * The lowercase hex SHA-256 of the canonical serialisation of the plan's content, so that the same plan written with
     * other blank lines, trailing spaces, indentation, CRLF, CR or LF, or with a BOM, has the same fingerprint, and any
     * change to a word changes it. Line numbers and positions are not serialised (positions follow from the order).
     *
     * <p>The serialisation, encoded as UTF-8, is the concatenation of these records, each ending with {@code "\n"}:
     * <pre>
     * dangjian-work-plan/1
     * T F(title)
     * D F(dateLine)
     * P F(paragraph)                     one per preamble paragraph, in order
     * S F(no) F(title) F(intro)          one per section, in order, each followed by its items:
     * I F(no) F(text)                    one per item of that section, in order
     * </pre>
     * with no spaces between a record's letter and its fields (the spaces above are for reading), where a field
     * {@code F(null)} is {@code "-"} and {@code F(s)} is {@code "#"}, the number of UTF-8 bytes of {@code s} in decimal,
     * {@code ":"}, then {@code s} itself. The lengths make the form unambiguous whatever the texts contain. For example
     * the section "一、甲" without intro is the record {@code "S#3:一#3:甲-\n"}, and its item "1、乙。" is
     * {@code "I#1:1#6:乙。\n"}.
     *
     * @return 64 lowercase hexadecimal digits
     */
    public String fingerprint() {
        StringBuilder out = new StringBuilder(FORMAT).append('\n');
        record(out, 'T', title);
        record(out, 'D', dateLine);
        preamble.forEach(paragraph -> record(out, 'P', paragraph));
        for (Section section : sections) {
            record(out, 'S', section.no(), section.title(), section.intro());
            section.items().forEach(item -> record(out, 'I', item.no(), item.text()));
        }
        return sha256(out.toString());
    }

    private static void record(StringBuilder out, char kind, String... fields) {
        out.append(kind);
        for (String field : fields) {
            if (field == null) {
                out.append('-');
            } else {
                out.append('#').append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
            }
        }
        out.append('\n');
    }

    private static String sha256(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * A section (部分) of the plan, headed "一、…" or "第一部分 …".
     *
     * @param position 1-based position of the section in the plan
     * @param no       the numeral as written, without "第…部分" and punctuation, e.g. "一"
     * @param title    the heading text without the numbering and without one trailing "。", "." or "．"
     * @param intro    the paragraphs between the heading and the first item (引言), joined by "\n"; null when none
     * @param line     the 1-based line of the heading in the original text
     * @param items    the items of the section in reading order, at least one
     */
    public record Section(int position, String no, String title, String intro, int line, List<Item> items) {

        /** Checks the required parts and makes the item list an unmodifiable copy. */
        public Section {
            Objects.requireNonNull(no, "no");
            Objects.requireNonNull(title, "title");
            items = List.copyOf(items);
        }
    }

    /**
     * An item (条目, 工作要点) of a section: the stable key of an item is its {@link #position()}, because numbers repeat.
     *
     * @param position 1-based position across the whole plan, in reading order
     * @param no       the number as written, without punctuation or brackets, e.g. "8", "６" or "一" for "（一）"
     * @param title    the first sentence of the item's first line: the text before the first "。", or the whole line
     *                 when it has none
     * @param text     the item's full text after its numbering; continuation paragraphs (including lower-level
     *                 numbered lines such as "（1）…") follow on new lines, joined by "\n"
     * @param line     the 1-based line of the item's numbering in the original text
     */
    public record Item(int position, String no, String title, String text, int line) {

        /** Checks the required parts. */
        public Item {
            Objects.requireNonNull(no, "no");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
        }
    }
}
