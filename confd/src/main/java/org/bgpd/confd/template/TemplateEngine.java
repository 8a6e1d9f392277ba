package org.bgpd.confd.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.FileLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Thread-safe (Pebble engines are). Renders the templates of one templates folder with
 * {@link ConfdFunctions}. Pebble rather than Go-template look-alikes or FreeMarker/Velocity: it is
 * maintained, small (one jar plus slf4j), and can be shut tight: here no template may call a Java
 * method on any object (maps and lists are read through Pebble's own resolvers), undefined
 * variables are errors, output is not HTML-escaped, and templates are re-read on every render so
 * an edited template takes effect on the next key change.
 */
public final class TemplateEngine {

    private final PebbleEngine pebble;

    public TemplateEngine(Path templatesDir, Path hostsFile) {
        FileLoader loader = new FileLoader(templatesDir.toAbsolutePath().normalize().toString());
        Map<String, Function> functions = new ConfdFunctions(hostsFile).asPebble();
        this.pebble = new PebbleEngine.Builder()
                .loader(loader)
                .extension(new AbstractExtension() {
                    @Override
                    public Map<String, Function> getFunctions() {
                        return functions;
                    }
                })
                .methodAccessValidator((object, method) -> false)
                .strictVariables(true)
                .autoEscaping(false)
                .newLineTrimming(true)
                .cacheActive(false)
                .build();
    }

    /** Renders {@code templateName} (relative to the templates folder); a failure says where. */
    public String render(String templateName, RenderScope scope) throws RenderException {
        Map<String, Object> context = new HashMap<>();
        context.put(RenderScope.VARIABLE, scope);
        context.put("node", scope.node());
        StringWriter out = new StringWriter();
        try {
            pebble.getTemplate(templateName).evaluate(out, context);
        } catch (PebbleException e) {
            throw new RenderException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new RenderException(templateName + ": " + e, e);
        }
        return out.toString();
    }

    /** A template that does not parse or fails while rendering. */
    public static final class RenderException extends Exception {
        public RenderException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
