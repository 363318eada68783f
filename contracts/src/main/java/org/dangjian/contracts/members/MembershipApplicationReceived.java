package org.dangjian.contracts.members;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;
import org.dangjian.contracts.PersonalData;

/**
 * 入党申请: a person applied to join the party; the first event of a member's record. The only event that carries
 * the ID-card number (身份证号): the application is the fact that needs it; readers that show it mask it for anyone
 * but the party committee's staff, the member's own branch secretary and the member.
 *
 * @param memberId        the member record's id (UUID)
 * @param name            the person's name
 * @param gender          as on the ID card
 * @param birthDate       as on the ID card
 * @param idCardNumber    身份证号: 18 characters, the last a check digit (0-9 or X)
 * @param phone           a telephone number, when given
 * @param address         a postal address, when given
 * @param branchId        the branch (党支部, an organisation unit's id) the application was made to
 * @param applicationDate the date of the written application (入党申请书)
 * @param username        the person's login name on the platform, when linked: he then reads his own record
 * @param basis           what it rests on (e.g. the application letter's reference), when given
 */
@EventType(name = "org.dangjian.members.MembershipApplicationReceived", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MembershipApplicationReceived(
        String memberId,
        @PersonalData(PersonalData.Kind.NAME) String name,
        @PersonalData(PersonalData.Kind.GENDER) Gender gender,
        @PersonalData(PersonalData.Kind.BIRTH_DATE) LocalDate birthDate,
        @PersonalData(PersonalData.Kind.ID_CARD_NUMBER) String idCardNumber,
        @PersonalData(PersonalData.Kind.PHONE) String phone,
        @PersonalData(PersonalData.Kind.ADDRESS) String address,
        String branchId,
        LocalDate applicationDate,
        @PersonalData(PersonalData.Kind.LOGIN_NAME) String username,
        String basis) {
}
