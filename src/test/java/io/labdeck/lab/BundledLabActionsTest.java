package io.labdeck.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bundled labs' actions: they load, the files they write offer the editor, the ports they publish are links,
 * and every language has the same actions in the same steps (the text is translated, the actions are not).
 */
@Tag("fast")
class BundledLabActionsTest {

    private static final Pattern ACTION = Pattern.compile(
            "data-action=\"([a-z -]+)\"(?: data-(?:path|port|command)=\"([^\"]*)\")?");

    private final Map<String, Lab> labs = new LabLoader().loadAll(List.of(Path.of("labs"))).stream()
            .collect(Collectors.toMap(Lab::id, l -> l));

    @Test
    void theWriteThisFileStepsOfferTheEditorAndPublishedPortsAreLinks() {
        assertThat(actions("dockerfile-build", "ja", "write-dockerfile")).contains("open-file app/Dockerfile",
                "open-file app/app.py", "open-file app/requirements.txt");
        assertThat(actions("dockerfile-build", "ja", "run-and-logs")).contains("open-port 8000", "open-port 8001")
                .anyMatch(a -> a.startsWith("interrupt docker logs web"))
                .anyMatch(a -> a.startsWith("edit docker run -d -p 8001:5000 --name «my-web» hello-flask"));
        assertThat(actions("image-layers", "ko", "add-a-layer")).contains("open-file app/Dockerfile.layers");
        assertThat(actions("registry-push", "ja", "change-and-rebuild")).contains("open-file app/app.py");
        assertThat(actions("registry-push", "ko", "push-update")).contains("open-port 8000")
                .anyMatch(a -> a.startsWith("edit docker tag"));
        assertThat(actions("container-env", "ja", "env-vars")).contains("open-file app.env");
        assertThat(labs.get("dockerfile-build").namedPorts()).containsExactly(8000, 8001);
        assertThat(labs.get("registry-push").namedPorts()).containsExactly(8000);
    }

    @Test
    void everyLanguageOfABundledLabHasTheSameActionsInTheSameSteps() {
        labs.values().forEach(lab -> {
            LabDocument first = lab.document(lab.languages().getFirst()).orElseThrow();
            lab.languages().forEach(lang -> first.steps().forEach(step -> assertThat(actions(lab.id(), lang,
                    step.id())).as("%s %s %s", lab.id(), lang, step.id())
                    .isEqualTo(actions(lab.id(), first.lang(), step.id()))));
        });
    }

    private List<String> actions(String lab, String lang, String step) {
        String html = labs.get(lab).document(lang).orElseThrow().step(step).orElseThrow().body().html();
        Matcher m = ACTION.matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1) + (m.group(2) == null ? "" : " " + m.group(2).replace("&#43;", "+")));
        }
        return found;
    }
}
