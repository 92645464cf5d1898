package org.zizhu.print;

/**
 * Template data is missing or malformed. Thrown before anything is printed: documents are
 * rendered completely to bytes first, so a failed render never leaves a half-printed page.
 * {@link #field()} names the data field (dot path, list items as {@code materials[2].name});
 * the message never contains the field's value, which may be personal data.
 */
public class TemplateDataException extends RuntimeException {
    private final String field;

    public TemplateDataException(String field, String problem) {
        super("template data field '" + field + "': " + problem);
        this.field = field;
    }

    public TemplateDataException(String field, String problem, Throwable cause) {
        super("template data field '" + field + "': " + problem, cause);
        this.field = field;
    }

    /** The dot path of the offending field, e.g. {@code applicant.idNumber}. */
    public String field() {
        return field;
    }
}
