package io.labdeck.preview.proxy;

import io.labdeck.preview.PreviewDenied;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * The proxy's own answers when it shows no app: JSON {@code {error, message}} as the API's errors, or, for a browser
 * (which shows them in the preview's frame), a small page with the same words. Never silent: the PWD complaint was
 * previews that failed without saying why.
 */
final class PreviewErrors {

    private PreviewErrors() {
    }

    static void send(HttpServerRequest request, PreviewDenied denied) {
        send(request, denied.status(), denied.code(), denied.getMessage());
    }

    static void send(HttpServerRequest request, int status, String code, String message) {
        HttpServerResponse response = request.response();
        if (response.ended()) {
            return; // answered already (Quarkus's 401 challenge for wrong credentials)
        }
        if (response.headWritten()) {
            request.connection().close();
            return;
        }
        request.resume();
        response.setStatusCode(status).putHeader("Cache-Control", "no-store");
        if (wantsPage(request.getHeader("Accept"))) {
            response.putHeader("Content-Type", "text/html; charset=utf-8").end(page(status, message));
        } else {
            response.putHeader("Content-Type", "application/json").end(new JsonObject().put("error", code)
                    .put("message", message).encode());
        }
    }

    static boolean wantsPage(String accept) {
        return accept != null && accept.contains("text/html");
    }

    static String page(int status, String message) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Labdeck port preview: " + status
                + "</title></head><body style=\"font-family:system-ui,sans-serif;margin:2rem;max-width:40rem\">"
                + "<h1 style=\"font-size:1.2rem\">Labdeck port preview</h1><p data-status=\"" + status + "\">"
                + escape(message) + "</p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
