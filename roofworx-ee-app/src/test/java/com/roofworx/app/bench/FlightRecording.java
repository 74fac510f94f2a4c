package com.roofworx.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A flight recording (JFR, the "profile" settings) of the server's JVM around one piece of load. */
final class FlightRecording {
    private final long pid;
    private final Path file;

    FlightRecording(long pid, Path file) {
        if (pid < 0) {
            throw new IllegalStateException("a flight recording needs the server launched by the bench");
        }
        this.pid = pid;
        this.file = file.toAbsolutePath();
    }

    interface Load {
        void run() throws Exception;
    }

    void during(Load load) throws Exception {
        jcmd("JFR.start", "name=httpbench", "settings=profile", "filename=" + file);
        try {
            load.run();
        } finally {
            jcmd("JFR.stop", "name=httpbench");
            System.out.println("flight recording of the server: " + file);
        }
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed");
        }
    }
}
