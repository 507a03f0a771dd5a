package io.datamesh.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Lake Formation answering from recorded response bodies, in the wire shape of the API reference
 * (https://docs.aws.amazon.com/lake-formation/latest/APIReference/API_ListPermissions.html), so the
 * SDK's own unmarshalling reads them. For the shapes moto does not produce: moto lists a grant as it
 * was made, where Lake Formation rewrites it (table wildcards as ALL_TABLES, SELECT as a column wildcard).
 */
final class RecordedLakeFormation implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The unfiltered listing's key in {@code listings}; the others are database names. */
    static final String RAW = "";

    private final HttpServer server;

    /**
     * @param settings the GetDataLakeSettings answer
     * @param listings ListPermissions answers: {@link #RAW} for the unfiltered one, a database name for the
     *                 listing filtered by that database; a database without an answer is answered as Lake
     *                 Formation answers for one that does not exist
     */
    RecordedLakeFormation(String settings, Map<String, String> listings) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String path = exchange.getRequestURI().getPath();
            Optional<String> body = path.equals("/GetDataLakeSettings") ? Optional.of(settings)
                    : Optional.ofNullable(listings.get(request.path("Resource").path("Database").path("Name").asText(RAW)));
            byte[] bytes = body.orElse("{\"Message\":\"Database not found.\"}").getBytes(StandardCharsets.UTF_8);
            if (body.isEmpty()) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "EntityNotFoundException");
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body.isPresent() ? 200 : 400, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    LakeFormationClient client() {
        return LakeFormationClient.builder().region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIARECORDED0000000", "recorded")))
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).build();
    }

    /** One entry of a ListPermissions answer: principal, resource (its JSON), permissions, grantable ones. */
    static String entry(String principal, String resource, String permissions, String grantable) {
        return "{\"Principal\":{\"DataLakePrincipalIdentifier\":\"" + principal + "\"},\"Resource\":" + resource
                + ",\"Permissions\":[" + permissions + "],\"PermissionsWithGrantOption\":[" + grantable + "]}";
    }

    static String listing(String... entries) {
        return "{\"PrincipalResourcePermissions\":[" + String.join(",", entries) + "]}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
