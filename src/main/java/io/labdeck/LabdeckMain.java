package io.labdeck;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.labdeck.labtest.LabTestRunner;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Labdeck's entry point. Without arguments it is the server and runs until it is stopped. With {@code test-labs
 * [lab-id...]} it tests labs in real sandboxes, prints a table and exits with the result (see docs/authoring.md); run
 * that through {@code ./labdeck test-labs}, which keeps its sandboxes, database and port apart from a server's.
 */
@QuarkusMain
public class LabdeckMain implements QuarkusApplication {

    private final LabTestRunner labTests;

    public LabdeckMain(LabTestRunner labTests) {
        this.labTests = labTests;
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (args[0].equals("test-labs")) {
            // The table is UTF-8 whatever the locale says: step ids may be Japanese or Korean slugs.
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            return labTests.run(Arrays.asList(args).subList(1, args.length), out, err);
        }
        System.err.println("Unknown command '" + args[0] + "'. Run with no arguments to serve Labdeck, or with "
                + "'test-labs [lab-id...]' to test labs.");
        return LabTestRunner.USAGE;
    }
}
