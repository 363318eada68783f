package org.dangjian.members.command;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.dangjian.contracts.members.AssessmentType;

/**
 * The id of a member's assessment of a type and period: a name-based UUID (version 3, {@link UUID#nameUUIDFromBytes})
 * of the UTF-8 bytes of {@code assessment|<memberId>|<type>|<period>}, the member id in its canonical lower-case form.
 * So each member has one assessment of a type per period: opening it again meets the existing record
 * ({@code ASSESSMENT_ALREADY_EXISTS}), also when two users open it at the same moment.
 */
public final class MemberAssessmentId {

    private MemberAssessmentId() {
    }

    public static String of(String memberId, AssessmentType type, String period) {
        String name = "assessment|" + memberId + "|" + type.name() + "|" + period;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
