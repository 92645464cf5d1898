package org.zizhu.print.internal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zizhu.print.TemplateDataException;
import org.zizhu.print.TemplateFormatException;

/** One template string with {{placeholders}}, compiled once when the template is loaded. */
public final class Text {
    private static final Pattern KEY = Pattern.compile("\\{\\{\\s*[#^/]?\\s*([^}\\s]+)\\s*}}");
    /* No HTML escaping (this is print, not a web page); a missing key is an error, never "". */
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false);

    private final String source;
    private final Template template;
    private final String firstKey;

    private Text(String source, Template template, String firstKey) {
        this.source = source;
        this.template = template;
        this.firstKey = firstKey;
    }

    public static Text compile(String source, String where) {
        try {
            Matcher m = KEY.matcher(source);
            String key = m.find() ? m.group(1) : null;
            Template t = source.contains("{{") ? COMPILER.compile(source) : null;
            return new Text(source, t, key);
        } catch (MustacheException e) {
            throw new TemplateFormatException(where + ": bad placeholder in \"" + source + "\": " + e.getMessage(), e);
        }
    }

    /** The first placeholder key, or null for literal text. */
    public String firstKey() {
        return firstKey;
    }

    public String render(Object context, Object parent, String pathPrefix) {
        if (template == null) {
            return source;
        }
        try {
            if (parent == null) {
                return template.execute(context);
            }
            java.io.StringWriter w = new java.io.StringWriter();
            template.execute(context, parent, w);
            return w.toString();
        } catch (MustacheException.Context e) {
            throw new TemplateDataException(pathPrefix + e.key, "missing (no value for placeholder)", e);
        } catch (MustacheException e) {
            throw new TemplateDataException(pathPrefix + (firstKey == null ? "?" : firstKey), "cannot be rendered: " + e.getMessage(), e);
        }
    }
}
