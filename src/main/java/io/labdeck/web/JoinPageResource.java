package io.labdeck.web;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The learner's way into a class: {@code /join/{code}} (the link and QR code the instructor shows) and
 * {@code /join} (to type the code). A display name, then {@code POST /api/classes/join} (join.js), then the class's
 * lab page, which resumes the session by itself. No account. In the browser's language or {@code ?lang=}.
 */
@Path("/join")
public class JoinPageResource {

    /** Codes are short letters and digits; anything else is dropped from the prefilled field, not rejected here. */
    private static final int MAX_CODE = 16;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance join(String uiLang, String code, List<LanguageLink> uiLanguages);
    }

    @GET
    @Produces(Html.UTF8)
    public Response empty(@RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        return join("", lang, acceptLanguage);
    }

    @GET
    @Path("/{code}")
    @Produces(Html.UTF8)
    public Response join(@RestPath String code, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        String ui = UiLanguage.pick(lang, acceptLanguage);
        String clean = clean(code);
        String path = clean.isEmpty() ? "/join" : "/join/" + PathSegments.encode(clean);
        return Html.page(Response.Status.OK, Templates.join(ui, clean, LanguageLink.toPage(path, ui))
                .setLocale(UiLanguage.locale(ui)));
    }

    static String clean(String code) {
        String letters = code == null ? "" : code.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return letters.length() > MAX_CODE ? letters.substring(0, MAX_CODE) : letters;
    }
}
