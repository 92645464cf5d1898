package org.zizhu.print;

import java.util.Map;

/**
 * Typed input for one built-in template. Implementations validate in their constructors
 * (naming the field in a {@link TemplateDataException}) and mask personal data in
 * {@link #toModel()}, so an unmasked ID number never reaches a template.
 */
public interface TemplateData {
    /** The template file name without {@code .yaml}, e.g. {@code acceptance-receipt}. */
    String templateName();

    /** The values the template's placeholders read: strings, lists of maps, byte[] images. */
    Map<String, Object> toModel();
}
