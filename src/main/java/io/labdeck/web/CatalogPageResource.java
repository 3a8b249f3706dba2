package io.labdeck.web;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import io.labdeck.lab.LabCatalog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The lab catalogue at {@code /}: a card per lab, in the browser's language or {@code ?lang=}. */
@Path("/")
public class CatalogPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalog(String uiLang, List<LabCard> labs, List<LanguageLink> uiLanguages);
    }

    private final LabCatalog catalog;

    public CatalogPageResource(LabCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Produces(Html.UTF8)
    public TemplateInstance catalog(@RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        String ui = UiLanguage.pick(lang, acceptLanguage);
        List<LabCard> cards = catalog.all().stream().map(lab -> LabCard.of(lab, ui)).toList();
        List<LanguageLink> uiLanguages = UiLanguage.SUPPORTED.stream()
                .map(code -> LanguageLink.of(code, "/?lang=" + code, ui)).toList();
        return Templates.catalog(ui, cards, uiLanguages).setLocale(UiLanguage.locale(ui));
    }
}
