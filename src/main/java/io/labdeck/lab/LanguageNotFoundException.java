package io.labdeck.lab;

import java.util.List;

/** The lab exists but not in the language asked for. */
public class LanguageNotFoundException extends RuntimeException {

    private final String labId;
    private final String lang;
    private final List<String> available;

    public LanguageNotFoundException(String labId, String lang, List<String> available) {
        super("Lab '" + labId + "' has no '" + lang + "' text; it is available in " + String.join(", ", available)
                + ".", null, false, false);
        this.labId = labId;
        this.lang = lang;
        this.available = List.copyOf(available);
    }

    public String labId() {
        return labId;
    }

    public String lang() {
        return lang;
    }

    public List<String> available() {
        return available;
    }
}
