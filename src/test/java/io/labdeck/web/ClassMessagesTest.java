package io.labdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.qute.i18n.Message;

/**
 * The class pages' bundles are complete in every language: each message of the English interface has a Japanese
 * and a Korean line and no line is left over, and each translation keeps the placeholders its page fills in.
 */
@Tag("fast")
class ClassMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @ParameterizedTest
    @CsvSource({"io.labdeck.web.InstructorMessages, teach, ja", "io.labdeck.web.InstructorMessages, teach, ko",
        "io.labdeck.web.LearnerMessages, learn, ja", "io.labdeck.web.LearnerMessages, learn, ko",
        "io.labdeck.web.TabMessages, tabs, ja", "io.labdeck.web.TabMessages, tabs, ko",
        "io.labdeck.web.ActionMessages, act, ja", "io.labdeck.web.ActionMessages, act, ko"})
    void everyMessageIsTranslatedWithItsPlaceholders(String bundle, String name, String lang) throws Exception {
        Method[] methods = Class.forName(bundle).getDeclaredMethods();
        Properties translated = load("messages/" + name + "_" + lang + ".properties");
        Set<String> keys = Arrays.stream(methods).map(Method::getName).collect(Collectors.toSet());
        assertThat(translated.stringPropertyNames()).as("%s_%s.properties", name, lang)
                .containsExactlyInAnyOrderElementsOf(keys);
        for (Method m : methods) {
            String english = m.getAnnotation(Message.class).value();
            assertThat(placeholders(translated.getProperty(m.getName()))).as("%s in %s", m.getName(), lang)
                    .isEqualTo(placeholders(english));
        }
    }

    private static Set<String> placeholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        Set<String> found = new java.util.TreeSet<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ClassMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
