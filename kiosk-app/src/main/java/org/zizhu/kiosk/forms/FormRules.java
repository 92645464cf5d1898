package org.zizhu.kiosk.forms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.zizhu.forms.FieldCheck;
import org.zizhu.forms.FieldRule;
import org.zizhu.kiosk.catalog.CatalogModel.FormDefinition;
import org.zizhu.kiosk.catalog.CatalogModel.FormField;

/**
 * Checks a filled electronic form against its definition, the way the centre will: each field
 * by the shared {@link FieldCheck} (ID-number check character, mobile number, credit code,
 * dates and ranges, numbers, choices, lengths), and no value for a field the form lacks. Pure:
 * the caller supplies today's date from its injected clock.
 *
 * <p>A field's error names the field and the rule, so the screen can say which field is wrong
 * and why from the message bundles ({@code form.rule.<RULE>}) and the field's own label.
 */
public final class FormRules {
    private FormRules() {
    }

    /** One field that breaks one rule. */
    public record FieldError(String fieldId, FieldRule rule) {
        public FieldError {
            Objects.requireNonNull(fieldId, "fieldId");
            Objects.requireNonNull(rule, "rule");
        }
    }

    /**
     * The findings for a whole form, in form order (unknown fields first, sorted): errors block
     * submission; warnings (a credit code failing only its check character) are shown and the
     * resident may submit anyway.
     */
    public record Result(List<FieldError> errors, List<FieldError> warnings) {
        public Result {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public boolean acceptable() {
            return errors.isEmpty();
        }

        /** The first error for a field, if any (what the screen shows under it). */
        public Optional<FieldRule> errorFor(String fieldId) {
            return errors.stream().filter(e -> e.fieldId().equals(fieldId)).map(FieldError::rule).findFirst();
        }
    }

    /** Checks every field of {@code form} against {@code values} (field id to value; absent means empty). */
    public static Result check(FormDefinition form, Map<String, String> values, LocalDate today) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(today, "today");
        Map<String, String> v = values == null ? Map.of() : values;
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> warnings = new ArrayList<>();
        for (String id : new TreeSet<>(v.keySet())) {
            if (form.field(id).isEmpty()) {
                errors.add(new FieldError(id, FieldRule.UNKNOWN_FIELD));
            }
        }
        for (FormField f : form.fields()) {
            checkField(f, v.get(f.id()), today).ifPresent(rule ->
                    (rule.blocking() ? errors : warnings).add(new FieldError(f.id(), rule)));
        }
        return new Result(errors, warnings);
    }

    /** The rule one value breaks, or empty: for checking a field as soon as the resident leaves it. */
    public static Optional<FieldRule> checkField(FormField field, String value, LocalDate today) {
        return FieldCheck.check(field.spec(), value, today);
    }
}
