package io.flagtrail.domain.change;

/** Checks on free text shared by the fields of features, projects and environments. */
public final class Text {

    private Text() {
    }

    /** True when the text holds a control character; tabs and line breaks pass when {@code multiline}. */
    public static boolean hasControlCharacters(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreakOrTab = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(multiline && lineBreakOrTab)) {
                return true;
            }
        }
        return false;
    }
}
