package org.dangjian.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a published event (a record component, also of a record nested in an event) that holds personal
 * data (个人信息) of a person: a department receives it through a subscription only when its grant names the field's
 * {@link Kind}; otherwise the field is left out of what it receives and named in the delivery's {@code masked} list
 * (docs/subscribing.md). The JSON Schemas say the same in the field's description.
 */
@Target(ElementType.RECORD_COMPONENT)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PersonalData {

    Kind value();

    /** The kinds of personal data a grant names. */
    enum Kind {
        /** 姓名: a person's name. */
        NAME("姓名", "Name"),
        /** 性别. */
        GENDER("性别", "Gender"),
        /** 出生日期. */
        BIRTH_DATE("出生日期", "Date of birth"),
        /** 身份证号. */
        ID_CARD_NUMBER("身份证号", "ID-card number"),
        /** 联系电话. */
        PHONE("联系电话", "Telephone"),
        /** 通讯地址. */
        ADDRESS("通讯地址", "Address"),
        /** 登录账号: a person's login name on the platform. */
        LOGIN_NAME("登录账号", "Login name");

        private final String title;
        private final String titleEn;

        Kind(String title, String titleEn) {
            this.title = title;
            this.titleEn = titleEn;
        }

        public String title() {
            return title;
        }

        public String titleEn() {
            return titleEn;
        }
    }
}
