package io.labdeck.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.FileEntry;
import io.labdeck.sandbox.FilePath;

/** The listing script's lines (stat's %F|%s|%n, from busybox and from coreutils) as entries. */
@Tag("fast")
class FileListingTest {

    @Test
    void readsBothStatsWordsAndSkipsWhatItCannotShow() {
        FilePath root = FilePath.of("");
        assertThat(DockerSandboxFiles.entry(root, "regular file|82|./app/main.py"))
                .contains(new FileEntry("app/main.py", "main.py", "file", 82));
        assertThat(DockerSandboxFiles.entry(root, "regular empty file|0|./empty"))
                .contains(new FileEntry("empty", "empty", "file", 0));
        assertThat(DockerSandboxFiles.entry(root, "directory|4096|./app"))
                .contains(new FileEntry("app", "app", "dir", 0));
        assertThat(DockerSandboxFiles.entry(root, "symbolic link|4|./out"))
                .contains(new FileEntry("out", "out", "link", 0));
        assertThat(DockerSandboxFiles.entry(FilePath.of("app"), "regular file|3|./a|b.txt"))
                .contains(new FileEntry("app/a|b.txt", "a|b.txt", "file", 3));
        assertThat(DockerSandboxFiles.entry(root, "socket|0|./s")).isEmpty();
        assertThat(DockerSandboxFiles.entry(root, "rest of a name with a line break")).isEmpty();
        assertThat(DockerSandboxFiles.entry(root, "regular file|x|./y")).isEmpty();
    }
}
