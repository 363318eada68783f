package org.dangjian.organisation.plan;

/**
 * A work-plan text (年度工作要点) that {@link WorkPlanText#parse(String)} refuses to import: it names the 1-based line of
 * the original text (blank lines counted) and a stable error code, with a message in Chinese, then English, e.g.
 * {@code 第 3 行：条目“1、”出现在第一个部分之前 (line 3: an item comes before the first section)}.
 */
public final class PlanTextException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a text is refused; {@link #name()} is the stable error code. */
    public enum Reason {
        /** The text is null, empty or blank (文本为空). */
        PLAN_TEXT_EMPTY("文本为空", "the text is empty"),
        /** Over 2,000 lines or over 200,000 characters (文本过长). */
        PLAN_TEXT_TOO_LONG("文本过长，最多 2000 行、200000 个字符", "the text is too long: at most 2,000 lines and 200,000 characters"),
        /** No section heading such as "一、" or "第一部分" (没有部分标题). */
        PLAN_NO_SECTIONS("没有任何部分标题（如“一、”或“第一部分”）", "there is no section heading such as \"一、\" or \"第一部分\""),
        /** A numbered item before the first section heading (条目出现在第一个部分之前). */
        ITEM_BEFORE_SECTION("条目“%s”出现在第一个部分之前", "an item comes before the first section"),
        /** A section heading followed by no item (部分下没有条目). */
        SECTION_WITHOUT_ITEMS("部分“%s”下没有任何条目", "the section has no items"),
        /** A section numbering with nothing after it (部分标题为空). */
        EMPTY_HEADING("部分编号“%s”后没有标题", "a section numbering has no heading after it"),
        /** An item numbering with nothing after it (条目内容为空). */
        EMPTY_ITEM("条目编号“%s”后没有内容", "an item numbering has no text after it"),
        /** A bracketed numbering whose bracket is not closed, e.g. "（一 加强" (编号括号未闭合). */
        MALFORMED_NUMBERING("编号“%s”的括号没有闭合", "the bracket of a numbering is not closed"),
        /** A control character or U+FFFD: the text was probably decoded with the wrong charset (含有无法识别的字符). */
        UNREADABLE_TEXT("含有无法识别的字符 %s，文本可能用错了编码", "the line holds the unreadable character %s; wrong charset?");

        private final String chinese;
        private final String english;

        Reason(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        String message(int line, String detail) {
            return "第 " + line + " 行：" + chinese.formatted(detail) + " (line " + line + ": " + english.formatted(detail) + ")";
        }
    }

    private final int line;
    private final Reason reason;

    PlanTextException(Reason reason, int line, String detail) {
        super(reason.message(line, detail));
        this.reason = reason;
        this.line = line;
    }

    /** The 1-based line of the original text, blank lines counted; 1 for refusals of the whole text. */
    public int line() {
        return line;
    }

    /** The stable error code in UPPER_SNAKE case, e.g. {@code ITEM_BEFORE_SECTION}. */
    public String code() {
        return reason.name();
    }

    /** The reason, whose name is {@link #code()}. */
    public Reason reason() {
        return reason;
    }
}
