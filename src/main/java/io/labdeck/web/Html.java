package io.labdeck.web;

import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/** How pages are sent. */
final class Html {

    /** Pages state their charset so Japanese and Korean text never depends on a browser's guess. */
    static final String UTF8 = "text/html;charset=UTF-8";

    private Html() {
    }

    /**
     * A page with a chosen status. Rendered here rather than handed to the Qute response filter, because that filter
     * replaces the content type with the template's bare {@code text/html}, dropping the charset.
     */
    static Response page(Response.Status status, TemplateInstance page) {
        return Response.status(status).entity(page.render()).type(UTF8).build();
    }
}
