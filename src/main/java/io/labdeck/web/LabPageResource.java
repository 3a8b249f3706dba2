package io.labdeck.web;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.labdeck.lab.Lab;
import io.labdeck.lab.LabCatalog;
import io.labdeck.lab.LabService;
import io.labdeck.session.AuthoringConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The lab page at {@code /labs/{id}}: the lab's text as numbered steps beside the terminal pane. The content
 * language is {@code ?lang=}, else the browser's best match among the lab's languages, else the lab's first.
 */
@Path("/labs/{id}")
public class LabPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lab(String uiLang, LabPage lab);

        /** {@code labTitle} is null when the lab itself is unknown. */
        static native TemplateInstance notFound(String uiLang, String labId, String labTitle, String requestedLang,
                List<LanguageLink> available);
    }

    private final LabCatalog catalog;
    private final LabService labs;
    private final AuthoringConfig authoring;

    public LabPageResource(LabCatalog catalog, LabService labs, AuthoringConfig authoring) {
        this.catalog = catalog;
        this.labs = labs;
        this.authoring = authoring;
    }

    @GET
    @Produces(Html.UTF8)
    public Response page(@RestPath String id, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        Optional<Lab> found = catalog.find(id);
        if (found.isEmpty()) {
            return notFound(UiLanguage.pick(lang, acceptLanguage), id, null, null, List.of());
        }
        Lab lab = found.get();
        boolean asked = lang != null && !lang.isBlank();
        String contentLang = asked ? lang
                : UiLanguage.bestMatch(acceptLanguage, lab.languages()).orElse(lab.languages().get(0));
        if (lab.document(contentLang).isEmpty()) {
            String ui = UiLanguage.pick(lang, acceptLanguage);
            String shownIn = lab.languages().contains(ui) ? ui : lab.languages().get(0);
            return notFound(ui, id, LabCard.title(lab, shownIn), contentLang,
                    LanguageLink.toLab(id, lab.languages(), ""));
        }
        String ui = UiLanguage.pick(contentLang, acceptLanguage);
        LabPage page = LabPage.of(lab, labs.document(id, contentLang), authoring.enabled());
        return Html.page(Response.Status.OK, Templates.lab(ui, page).setLocale(UiLanguage.locale(ui)));
    }

    private static Response notFound(String ui, String labId, String labTitle, String requestedLang,
            List<LanguageLink> available) {
        return Html.page(Response.Status.NOT_FOUND, Templates.notFound(ui, labId, labTitle, requestedLang, available)
                .setLocale(UiLanguage.locale(ui)));
    }
}
