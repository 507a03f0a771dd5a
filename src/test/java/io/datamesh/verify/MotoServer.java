package io.datamesh.verify;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * moto (the AWS API emulator from PyPI) in server mode on a free loopback port, from a venv under
 * target/ made on first use. Where python3, venv or pip is missing the tests that need it are
 * skipped, with a message on stdout saying why: the machine, not the code.
 */
public final class MotoServer implements AutoCloseable {
    static final String MOTO = "moto[server]==5.2.5";
    private static final Path VENV = Path.of("target", "moto-venv");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** A running server, or a JUnit assumption failure (a skip) after saying loudly why. */
    public static MotoServer startOrSkip() throws IOException, InterruptedException {
        Path server = VENV.resolve("bin").resolve("moto_server");
        if (!Files.isExecutable(server)) {
            run(List.of("python3", "-m", "venv", VENV.toString()), "python3 -m venv");
            run(List.of(VENV.resolve("bin").resolve("pip").toString(), "install", "--quiet", MOTO), "pip install " + MOTO);
        }
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "moto-server.log");
        Process process = new ProcessBuilder(server.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        var moto = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                break;
            }
            try {
                moto.post("/moto-api/reset", "");
                return moto;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        moto.close();
        throw new IllegalStateException("moto_server did not answer on port " + port + " within 30 s; see " + log);
    }

    private static void run(List<String> command, String what) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "moto-install.log").toFile()).start();
        } catch (IOException e) {
            skip(what + " cannot run (" + e.getMessage() + ")");
            return;
        }
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            skip(what + " failed (see target/moto-install.log)");
        }
    }

    private static void skip(String why) {
        String message = "SKIPPING the moto emulator tests of `datamesh verify`: " + why
                + ". They need python3 with venv and pip, and PyPI to install " + MOTO + ".";
        System.out.println(message);
        System.err.println(message);
        Assumptions.abort(message);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Forgets every account's state. */
    public void reset() throws IOException, InterruptedException {
        post("/moto-api/reset", "");
    }

    void post(String path, String json) throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("moto " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
