package org.dangjian.members.query;

/**
 * Masks personal data for callers who may not read it (脱敏): an ID-card number keeps only its last 4 characters
 * ({@code **************1234}): the file shows the birth date, which is digits 7 to 14 of the number, so keeping its
 * first digits too would leave only a handful of numbers to try (the check digit narrows the rest); a phone number
 * keeps its first 3 and last 4 ({@code 138****5678}), an address its first 3 characters ({@code 北京市****}). Too
 * short to keep anything, it is all stars.
 */
public final class PersonalData {

    public static final String ID_CARD_NUMBER = "idCardNumber";
    public static final String PHONE = "phone";
    public static final String ADDRESS = "address";

    private PersonalData() {
    }

    public static String maskIdCardNumber(String number) {
        return keep(number, 0, 4);
    }

    public static String maskPhone(String phone) {
        return keep(phone, 3, 4);
    }

    public static String maskAddress(String address) {
        if (address == null) {
            return null;
        }
        int length = address.codePointCount(0, address.length());
        return length <= 3 ? "****" : address.substring(0, address.offsetByCodePoints(0, 3)) + "****";
    }

    private static String keep(String text, int head, int tail) {
        if (text == null) {
            return null;
        }
        if (text.length() <= head + tail) {
            return "*".repeat(text.length());
        }
        return text.substring(0, head) + "*".repeat(text.length() - head - tail) + text.substring(text.length() - tail);
    }
}
