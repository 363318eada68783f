package org.dangjian.organisation.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.dangjian.organisation.plan.ParsedPlan.Item;
import org.dangjian.organisation.plan.ParsedPlan.Section;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Reading an annual work plan (年度工作要点) from its text: the plan of 2022 as written, the fingerprint, the common
 * variants of writing such a plan, and each refusal with its code and original line.
 */
class WorkPlanTextTest {


    /** The 2022 plan; what is expected is counted from its own lines, never from constants. */
    @Nested
    class TheSeedPlan {

        private static final Pattern SECTION_LINE = Pattern.compile("^[\\s\\u3000]*([一二三四五六七八九十]+)、");
        private static final Pattern ITEM_LINE = Pattern.compile("^[\\s\\u3000]*([0-9]+)[、.](?![0-9])");

        private final List<String> lines = seedText().lines().toList();
        private final ParsedPlan plan = WorkPlanText.parse(seedText());

        /** Sections found by a simple regex: number as written and 1-based line. */
        private List<Numbered> expectedSections() {
            return numberedLines(SECTION_LINE);
        }

        private List<Numbered> expectedItems() {
            return numberedLines(ITEM_LINE);
        }

        private List<Numbered> numberedLines(Pattern pattern) {
            List<Numbered> found = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = pattern.matcher(lines.get(i));
                if (m.find()) {
                    found.add(new Numbered(m.group(1), i + 1));
                }
            }
            return found;
        }

        @Test
        void yieldsExactlyTheSectionsAndItemsItsLinesAreNumberedWith() {
            assertThat(expectedSections()).isNotEmpty();
            assertThat(expectedItems()).hasSizeGreaterThan(expectedSections().size());

            assertThat(plan.sections()).hasSameSizeAs(expectedSections());
            assertThat(plan.itemCount()).isEqualTo(expectedItems().size());
            assertThat(plan.items()).hasSize(plan.itemCount());
        }

        @Test
        void sectionsAreNumberedOneToFiveInOrderOnTheirLines() {
            assertThat(plan.sections()).extracting(Section::no).containsExactly("一", "二", "三", "四", "五");
            assertThat(plan.sections()).extracting(Section::no).containsExactlyElementsOf(expectedSections().stream().map(Numbered::no).toList());
            assertThat(plan.sections()).extracting(Section::line).containsExactlyElementsOf(expectedSections().stream().map(Numbered::line).toList());
        }

        @Test
        void itemNumbersAreKeptAsWrittenInReadingOrder() {
            List<String> numbers = plan.items().stream().map(Item::no).toList();

            assertThat(numbers).containsExactlyElementsOf(expectedItems().stream().map(Numbered::no).toList());
            assertThat(plan.items()).extracting(Item::line).containsExactlyElementsOf(expectedItems().stream().map(Numbered::line).toList());
            assertThat(numbers).filteredOn("8"::equals).hasSize(2);
            assertThat(numbers.get(numbers.indexOf("8") + 1)).isEqualTo("6");
        }

        @Test
        void eachItemIsInTheSectionItIsWrittenUnder() {
            for (Section section : plan.sections()) {
                String expectedSection = sectionAbove(section.items().get(0).line());
                assertThat(section.no()).isEqualTo(expectedSection);
                assertThat(section.items()).allSatisfy(item -> assertThat(sectionAbove(item.line())).isEqualTo(section.no()));
            }
            int inSections = plan.sections().stream().mapToInt(s -> s.items().size()).sum();
            assertThat(inSections).isEqualTo(expectedItems().size());
        }

        private String sectionAbove(int line) {
            return expectedSections().stream().filter(s -> s.line() < line).reduce((a, b) -> b).orElseThrow().no();
        }

        @Test
        void thePreambleIsTheFirstParagraphAndThereIsNoTitleNorDateLine() {
            List<String> beforeFirstSection = lines.subList(0, expectedSections().get(0).line() - 1).stream()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();

            assertThat(beforeFirstSection).hasSize(1);
            assertThat(plan.preamble()).containsExactlyElementsOf(beforeFirstSection);
            assertThat(plan.title()).isNull();
            assertThat(plan.dateLine()).isNull();
        }

        @Test
        void positionsRunFromOneWithoutGaps() {
            assertThat(plan.sections()).extracting(Section::position)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, plan.sections().size()).boxed().toList());
            assertThat(plan.items()).extracting(Item::position)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, plan.itemCount()).boxed().toList());
        }

        @Test
        void itemTextIsTheLineAfterItsNumberingAndTheTitleItsFirstSentence() {
            for (Item item : plan.items()) {
                String line = lines.get(item.line() - 1).strip();
                String text = line.substring(item.no().length() + 1);
                assertThat(item.text()).isEqualTo(text);
                assertThat(item.title()).isEqualTo(text.substring(0, text.indexOf('。')));
            }
        }

        @Test
        void sectionTitlesAreTheHeadingsWithoutNumberingNorFinalFullStop() {
            for (Section section : plan.sections()) {
                String heading = lines.get(section.line() - 1).strip().substring(section.no().length() + 1);
                assertThat(section.title()).isEqualTo(heading.endsWith("。") ? heading.substring(0, heading.length() - 1) : heading)
                        .doesNotEndWith("。");
                assertThat(section.intro()).isNull();
            }
        }
    }

    /** The fingerprint stands for the plan's content, not its layout. */
    @Nested
    class Fingerprints {

        @Test
        void parsingTheSameTextTwiceGivesEqualPlansAndFingerprints() {
            ParsedPlan first = WorkPlanText.parse(seedText());
            ParsedPlan second = WorkPlanText.parse(seedText());

            assertThat(second).isEqualTo(first);
            assertThat(second.fingerprint()).isEqualTo(first.fingerprint()).matches("[0-9a-f]{64}");
        }

        @Test
        void lineEndingsBomBlankLinesTrailingSpacesAndIndentationLeaveTheFingerprintUnchanged() {
            String text = seedText();
            String relaidOut = "\uFEFF\r\n\r\n" + text.lines().map(line -> "\u3000\u3000" + line + "  \t").reduce("", (a, b) -> a + b + "\r\n\r\n");
            String carriageReturns = text.replace("\n", "\r");

            String fingerprint = WorkPlanText.parse(text).fingerprint();
            assertThat(WorkPlanText.parse(relaidOut).fingerprint()).isEqualTo(fingerprint);
            assertThat(WorkPlanText.parse(carriageReturns).fingerprint()).isEqualTo(fingerprint);
        }

        @Test
        void changingOneCharacterOfAnItemChangesTheFingerprint() {
            String text = seedText();
            ParsedPlan plan = WorkPlanText.parse(text);
            Item item = plan.items().get(plan.itemCount() / 2);
            int middle = item.text().length() / 2;
            char other = item.text().charAt(middle) == '党' ? '团' : '党';
            String changedItem = item.text().substring(0, middle) + other + item.text().substring(middle + 1);
            String changed = text.replace(item.text(), changedItem);

            assertThat(changed).isNotEqualTo(text);
            assertThat(WorkPlanText.parse(changed).fingerprint()).isNotEqualTo(plan.fingerprint());
        }

        @Test
        void changingTheNumberOfAnItemOrAHeadingOrThePreambleChangesTheFingerprint() {
            String plan = "导语。\n一、甲\n1、乙。\n";
            String fingerprint = WorkPlanText.parse(plan).fingerprint();

            assertThat(WorkPlanText.parse("导语。\n一、甲\n2、乙。\n").fingerprint()).isNotEqualTo(fingerprint);
            assertThat(WorkPlanText.parse("导语。\n一、丙\n1、乙。\n").fingerprint()).isNotEqualTo(fingerprint);
            assertThat(WorkPlanText.parse("导言。\n一、甲\n1、乙。\n").fingerprint()).isNotEqualTo(fingerprint);
            assertThat(WorkPlanText.parse("一、甲\n导语。\n1、乙。\n").fingerprint()).isNotEqualTo(fingerprint);
        }

        @Test
        void isTheSha256OfTheDocumentedSerialisation() {
            String canonical = "dangjian-work-plan/1\nT-\nD-\nP#9:导语。\nS#3:一#3:甲-\nI#1:1#6:乙。\n";

            assertThat(WorkPlanText.parse("导语。\n一、甲\n1、乙。\n").fingerprint()).isEqualTo(sha256(canonical));
        }
    }

    /** The common ways such plans are written. */
    @Nested
    class Variants {

        private static final String PLAN = String.join("\n",
                "中心党委2023年党建工作要点",
                "",
                "2023年2月10日",
                "",
                "\u3000\u30002023年是全面贯彻党的二十大精神的开局之年。全年工作总体要求如下。",
                "",
                "一、加强政治建设",
                "\u3000\u3000本部分围绕“两个维护”展开。",
                "（一）深入学习贯彻党的二十大精神。开展专题学习。",
                "(二) 落实“第一议题”制度",
                "\u3000\u3000每次党委会首先学习。",
                "1.第一议题学习情况每季度通报。",
                "第二部分\u3000夯实基层基础",
                "1.推进支部标准化建设。分三步推进。",
                "（1）制定标准。",
                "（2）逐个验收。",
                "2.5亿元专项经费用于阵地建设。",
                "２．严格组织生活。",
                "3）规范党费收缴。",
                "三．强化作风建设。",
                "１，开展明察暗访。",
                "２、落实谈话制度。",
                "四、加强群团工作",
                "(1)支持工会工作。",
                "【2】支持共青团工作。",
                "");

        private final ParsedPlan plan = WorkPlanText.parse(PLAN);

        @Test
        void theTitleTheDateLineAndThePreambleAreToldApart() {
            assertThat(plan.title()).isEqualTo("中心党委2023年党建工作要点");
            assertThat(plan.dateLine()).isEqualTo("2023年2月10日");
            assertThat(plan.preamble()).containsExactly("2023年是全面贯彻党的二十大精神的开局之年。全年工作总体要求如下。");
        }

        @Test
        void headingsWithEitherPunctuationOrAsPartsAreSections() {
            assertThat(plan.sections()).extracting(Section::no).containsExactly("一", "二", "三", "四");
            assertThat(plan.sections()).extracting(Section::title).containsExactly("加强政治建设", "夯实基层基础", "强化作风建设", "加强群团工作");
            assertThat(plan.sections()).extracting(Section::line).containsExactly(7, 13, 20, 23);
        }

        @Test
        void aParagraphBetweenAHeadingAndItsFirstItemIsTheSectionIntro() {
            assertThat(plan.sections()).extracting(Section::intro).containsExactly("本部分围绕“两个维护”展开。", null, null, null);
        }

        @Test
        void everyNumberingStyleIsAnItemWithItsNumberAsWritten() {
            assertThat(plan.items()).extracting(Item::no).containsExactly("一", "二", "1", "２", "3", "１", "２", "1", "2");
            assertThat(plan.items()).extracting(Item::line).containsExactly(9, 10, 14, 18, 19, 21, 22, 24, 25);
            assertThat(plan.sections()).extracting(s -> s.items().size()).containsExactly(2, 3, 2, 2);
            assertThat(plan.items()).extracting(Item::position).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        }

        @Test
        void theTitleIsTheFirstSentenceOrTheWholeLine() {
            assertThat(plan.items().get(0).title()).isEqualTo("深入学习贯彻党的二十大精神");
            assertThat(plan.items().get(0).text()).isEqualTo("深入学习贯彻党的二十大精神。开展专题学习。");
            assertThat(plan.items().get(1).title()).isEqualTo("落实“第一议题”制度");
        }

        @Test
        void continuationsLowerLevelsAndDecimalNumbersStayInTheItemText() {
            assertThat(plan.items().get(1).text()).isEqualTo("落实“第一议题”制度\n每次党委会首先学习。\n1.第一议题学习情况每季度通报。");
            assertThat(plan.items().get(2).text()).isEqualTo("推进支部标准化建设。分三步推进。\n（1）制定标准。\n（2）逐个验收。\n2.5亿元专项经费用于阵地建设。");
            assertThat(plan.items().get(2).title()).isEqualTo("推进支部标准化建设");
        }

        @Test
        void chineseNumeralsUpToTwentyAndOtherHeadingFormsAreSections() {
            ParsedPlan parsed = WorkPlanText.parse("十、甲\n1、a\n十一，乙\n1、b\n二十.丙\n1、c\n第一章 丁\n1、d\n第5部分：戊\n1、e\n");

            assertThat(parsed.sections()).extracting(Section::no).containsExactly("十", "十一", "二十", "一", "5");
            assertThat(parsed.sections()).extracting(Section::title).containsExactly("甲", "乙", "丙", "丁", "戊");
        }

        @Test
        void aDateAsTheLastLineIsTheDateLineAndNotItemText() {
            ParsedPlan parsed = WorkPlanText.parse("一、甲\n1、乙。\n\n（2022年3月1日）\n\n");

            assertThat(parsed.dateLine()).isEqualTo("（2022年3月1日）");
            assertThat(parsed.items().get(0).text()).isEqualTo("乙。");
        }

        @Test
        void datesInChineseNumeralsOrWithDashesAreDateLines() {
            ParsedPlan chinese = WorkPlanText.parse("二〇二二年三月一日\n一、甲\n1、乙。");
            ParsedPlan dashes = WorkPlanText.parse("要点\n2022-03-01\n一、甲\n1、乙。");

            assertThat(chinese.dateLine()).isEqualTo("二〇二二年三月一日");
            assertThat(chinese.title()).isNull();
            assertThat(chinese.preamble()).isEmpty();
            assertThat(dashes.title()).isEqualTo("要点");
            assertThat(dashes.dateLine()).isEqualTo("2022-03-01");
        }

        @Test
        void aFirstLineEndingWithAFullStopOrLongerThanFortyCharactersIsPreambleNotTitle() {
            String sentence = "全年工作总体要求如下。";
            String longLine = "党".repeat(41);

            assertThat(WorkPlanText.parse(sentence + "\n一、甲\n1、乙。").title()).isNull();
            assertThat(WorkPlanText.parse(sentence + "\n一、甲\n1、乙。").preamble()).containsExactly(sentence);
            assertThat(WorkPlanText.parse(longLine + "\n一、甲\n1、乙。").preamble()).containsExactly(longLine);
            assertThat(WorkPlanText.parse("党".repeat(40) + "\n一、甲\n1、乙。").title()).isEqualTo("党".repeat(40));
        }

        @Test
        void anEnumerationCommaItemMayStartWithADigitButADateMayNot() {
            ParsedPlan parsed = WorkPlanText.parse("一、甲\n1、2022年开展专题学习。\n2022.3召开动员会。\n");

            assertThat(parsed.items()).extracting(Item::text).containsExactly("2022年开展专题学习。\n2022.3召开动员会。");
        }

        @Test
        void theModelListsCannotBeChanged() {
            assertThatThrownBy(() -> plan.sections().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> plan.sections().get(0).items().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> plan.preamble().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    /** What is refused, with the code and the line of the original text. */
    @Nested
    class Refusals {

        @Test
        void anEmptyOrBlankTextIsRefusedOnLineOne() {
            assertRefused(null, "PLAN_TEXT_EMPTY", 1);
            assertRefused("", "PLAN_TEXT_EMPTY", 1);
            assertRefused("\uFEFF \r\n\u3000\u3000\n\t\n", "PLAN_TEXT_EMPTY", 1);
        }

        @Test
        void aTextWithoutSectionHeadingsIsRefusedOnLineOne() {
            assertRefused("导语。\n\n1、乙。\n2、丙。\n", "PLAN_NO_SECTIONS", 1);
        }

        @Test
        void anItemBeforeTheFirstSectionIsRefusedOnItsLine() {
            assertRefused("\n导语。\n\n1、提前的条目。\n一、甲\n1、乙。", "ITEM_BEFORE_SECTION", 4);
            assertRefused("要点\r\n\r\n（一）提前的条目。\r\n一、甲\r\n1、乙。", "ITEM_BEFORE_SECTION", 3);
            assertThatThrownBy(() -> WorkPlanText.parse("\n导语。\n\n1、提前的条目。\n一、甲\n1、乙。"))
                    .hasMessage("第 4 行：条目“1、”出现在第一个部分之前 (line 4: an item comes before the first section)");
        }

        @Test
        void aSectionWithoutItemsIsRefusedOnItsHeadingLine() {
            assertRefused("一、甲\n1、乙。\n\n二、丙\n\n三、丁\n1、戊。", "SECTION_WITHOUT_ITEMS", 4);
            assertRefused("一、甲\n1、乙。\n\n二、丙\n只有引言，没有条目。\n", "SECTION_WITHOUT_ITEMS", 4);
            assertRefused("一、甲\n1、乙。\n二、丙\n", "SECTION_WITHOUT_ITEMS", 3);
        }

        @Test
        void aHeadingNumberingWithNothingAfterItIsRefusedOnItsLine() {
            assertRefused("一、甲\n1、乙。\n\n二、\n3、丙。", "EMPTY_HEADING", 4);
            assertRefused("一、甲\n1、乙。\n第二部分\n3、丙。", "EMPTY_HEADING", 3);
            assertRefused("一、甲\n1、乙。\n二．。\n3、丙。", "EMPTY_HEADING", 3);
        }

        @Test
        void anItemNumberingWithNothingAfterItIsRefusedOnItsLine() {
            assertRefused("一、甲\n1、乙。\n\n3、\n", "EMPTY_ITEM", 4);
            assertRefused("一、甲\n（一）乙。\n（二）\u3000\n", "EMPTY_ITEM", 3);
            assertRefused("一、甲\n1.乙。\n3.\n", "EMPTY_ITEM", 3);
        }

        @Test
        void anUnclosedBracketNumberingIsRefusedOnItsLine() {
            assertRefused("一、甲\n\n（一 加强政治建设。", "MALFORMED_NUMBERING", 3);
            assertRefused("一、甲\n1、乙。\n(3 丙。", "MALFORMED_NUMBERING", 3);
        }

        @Test
        void aControlCharacterOrAReplacementCharacterIsRefusedOnItsLine() {
            assertRefused("一、甲\n1、乙\u0000。", "UNREADABLE_TEXT", 2);
            assertRefused("一、甲\r\n\r\n1、乙\u001B[0m。", "UNREADABLE_TEXT", 3);
            assertRefused("一、甲\r1、乙。\r2、\uFFFD\uFFFD。", "UNREADABLE_TEXT", 3);
            assertThat(WorkPlanText.parse("一、甲\n1、乙\t丙。").items().get(0).text()).isEqualTo("乙\t丙。");
        }

        @Test
        void aTextOverTwoThousandLinesIsRefusedOnLineOne() {
            String twoThousandLines = "一、甲\n" + "1、乙。\n".repeat(1_999);

            assertThat(WorkPlanText.parse(twoThousandLines).itemCount()).isEqualTo(1_999);
            assertRefused(twoThousandLines + "\n", "PLAN_TEXT_TOO_LONG", 1);
        }

        @Test
        void aTextOverTwoHundredThousandCharactersIsRefusedOnLineOne() {
            String start = "一、甲\n1、";
            String longest = start + "党".repeat(WorkPlanText.MAX_CHARS - start.length());

            assertThat(longest).hasSize(200_000);
            assertThat(WorkPlanText.parse(longest).itemCount()).isEqualTo(1);
            assertRefused(longest + "。", "PLAN_TEXT_TOO_LONG", 1);
        }

        private void assertRefused(String text, String code, int line) {
            assertThatThrownBy(() -> WorkPlanText.parse(text))
                    .isInstanceOfSatisfying(PlanTextException.class, e -> {
                        assertThat(e.code()).isEqualTo(code);
                        assertThat(e.line()).isEqualTo(line);
                        assertThat(e.getMessage()).startsWith("第 " + line + " 行：").contains("(line " + line + ": ").endsWith(")");
                    });
        }
    }

    private record Numbered(String no, int line) {
    }

    /**
     * The seed plan, found beside the repository: {@code <repo root>/../shared/domain}, the repository root being the
     * directory holding {@code services/} above the working directory (the module directory under Maven).
     */
    private static String seedText() {
        return SeedPlan.text();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
