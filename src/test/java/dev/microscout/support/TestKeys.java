package dev.microscout.support;

/** The fixed keys of the test profile (application.properties, %test). */
public final class TestKeys {
    public static final String OPERATOR = "msk_testoper_0000000000000000000000000000000000000000000";
    public static final String VIEWER = "msk_testview_1111111111111111111111111111111111111111111";
    public static final String EDITOR = "msk_testedit_2222222222222222222222222222222222222222222";
    public static final String ADMIN = "msk_testadmn_3333333333333333333333333333333333333333333";

    private TestKeys() {
    }
}
