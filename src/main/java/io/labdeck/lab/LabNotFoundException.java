package io.labdeck.lab;

/** No lab has this id. */
public class LabNotFoundException extends RuntimeException {

    private final String labId;

    public LabNotFoundException(String labId) {
        super("No lab has the id '" + labId + "'.", null, false, false);
        this.labId = labId;
    }

    public String labId() {
        return labId;
    }
}
