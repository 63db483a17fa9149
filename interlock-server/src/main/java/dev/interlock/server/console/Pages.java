package dev.interlock.server.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The console's templates (jte, compiled with the server): one record in, HTML out, escaped by default. */
final class Pages {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {
    }

    static String render(String template, Object model) {
        StringOutput out = new StringOutput();
        ENGINE.render("console/" + template + ".jte", model, out);
        return out.toString();
    }
}
