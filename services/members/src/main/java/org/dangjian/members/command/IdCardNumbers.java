package org.dangjian.members.command;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The resident ID-card number (居民身份证号码, GB 11643-1999): 6 digits of the place, 8 of the birth date, 3 of the
 * order, and a check digit by ISO 7064 MOD 11-2 ({@code 0}-{@code 9} or {@code X}). Never logged or put into a message.
 */
public final class IdCardNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdCardNumbers() {
    }

    /** The check digit of the first 17 digits. */
    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** Whether the number is well formed, its check digit right, and the birth date in it is {@code birthDate}. */
    public static boolean valid(String number, LocalDate birthDate) {
        if (number == null || !number.matches("[0-9]{17}[0-9X]") || checkDigit(number) != number.charAt(17)) {
            return false;
        }
        try {
            LocalDate embedded = LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
            return embedded.equals(birthDate);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
