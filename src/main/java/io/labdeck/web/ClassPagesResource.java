package io.labdeck.web;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.labdeck.lab.LabCatalog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The instructor's pages: {@code /classes} (their classes and the form that makes one), {@code /classes/{id}} (the
 * dashboard), {@code /classes/{id}/watch/{sessionId}} (a learner's terminal, live) and
 * {@code /classes/{id}/replay/{sessionId}} (its recording). Only shells: the scripts fetch everything from the class
 * API with the instructor's credentials. HTTP auth permissions in application.properties keep these paths to
 * signed-in instructors (basic auth challenge). The UI language is {@code ?lang=}, else the browser's, else English.
 */
@Path("/classes")
public class ClassPagesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance classes(String uiLang, List<LabOption> labs, List<LanguageLink> classLanguages,
                List<LanguageLink> uiLanguages);

        static native TemplateInstance dashboard(String uiLang, String classId, List<LanguageLink> uiLanguages);

        static native TemplateInstance watch(String uiLang, String classId, String sessionId,
                List<LanguageLink> uiLanguages);

        static native TemplateInstance replay(String uiLang, String classId, String sessionId,
                List<LanguageLink> uiLanguages);
    }

    private final LabCatalog catalog;

    public ClassPagesResource(LabCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Produces(Html.UTF8)
    public Response classes(@RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        String ui = UiLanguage.pick(lang, acceptLanguage);
        List<LabOption> labs = catalog.all().stream().map(lab -> LabOption.of(lab, ui)).toList();
        List<LanguageLink> languages = catalog.all().stream().flatMap(lab -> lab.languages().stream()).distinct()
                .sorted().map(code -> LanguageLink.of(code, "", ui)).toList();
        return page(ui, Templates.classes(ui, labs, languages, LanguageLink.toPage("/classes", ui)));
    }

    @GET
    @Path("/{id}")
    @Produces(Html.UTF8)
    public Response dashboard(@RestPath String id, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        String ui = UiLanguage.pick(lang, acceptLanguage);
        return page(ui, Templates.dashboard(ui, id, LanguageLink.toPage(classPath(id), ui)));
    }

    @GET
    @Path("/{id}/watch/{sessionId}")
    @Produces(Html.UTF8)
    public Response watch(@RestPath String id, @RestPath String sessionId, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        String ui = UiLanguage.pick(lang, acceptLanguage);
        String path = classPath(id) + "/watch/" + PathSegments.encode(sessionId);
        return page(ui, Templates.watch(ui, id, sessionId, LanguageLink.toPage(path, ui)));
    }

    @GET
    @Path("/{id}/replay/{sessionId}")
    @Produces(Html.UTF8)
    public Response replay(@RestPath String id, @RestPath String sessionId, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        String ui = UiLanguage.pick(lang, acceptLanguage);
        String path = classPath(id) + "/replay/" + PathSegments.encode(sessionId);
        return page(ui, Templates.replay(ui, id, sessionId, LanguageLink.toPage(path, ui)));
    }

    private static String classPath(String id) {
        return "/classes/" + PathSegments.encode(id);
    }

    private static Response page(String ui, TemplateInstance template) {
        return Html.page(Response.Status.OK, template.setLocale(UiLanguage.locale(ui)));
    }
}
