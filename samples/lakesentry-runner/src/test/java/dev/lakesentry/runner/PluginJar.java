package dev.lakesentry.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the sample plugin jar from samples/custom-detector's sources, the way its own build does,
 * so the runner's tests do not depend on the reactor order (the sample is not on the runner's class path).
 */
final class PluginJar {
    private static final Path SAMPLE = Path.of("..", "custom-detector", "src", "main");

    private PluginJar() {
    }

    static Path build(Path dir) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> sources;
        try (Stream<Path> s = Files.walk(SAMPLE.resolve("java"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String[] args = Stream.concat(Stream.of("--release", "17", "-classpath", System.getProperty("java.class.path"), "-d",
                classes.toString()), sources.stream()).toArray(String[]::new);
        if (javac.run(null, null, null, args) != 0) {
            throw new IllegalStateException("The sample plugin does not compile");
        }
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = plugins.resolve("custom-detector.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, classes);
            add(out, SAMPLE.resolve("resources"));
        }
        return plugins;
    }

    private static void add(JarOutputStream out, Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(p).toString().replace('\\', '/')));
                try (OutputStream o = new NonClosing(out)) {
                    Files.copy(p, o);
                }
                out.closeEntry();
            }
        }
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
