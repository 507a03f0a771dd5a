package io.datamesh.e2e.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The AWS API of the emulated AWS, for the SDK calls {@code ./datamesh} makes (preflight, verify, up):
 * one HTTP endpoint for every service, as the SDK's endpoint override ({@code DATAMESH_AWS_ENDPOINT})
 * sends them, backed by the same {@link EmulatedAws} state file the stand-in provider processes change,
 * so what the provider created and what the SDK reads agree. It serves exactly STS GetCallerIdentity
 * and IAM SimulatePrincipalPolicy (query protocol, XML answers: {@link QueryApis}), Lake Formation
 * GetDataLakeSettings, PutDataLakeSettings and ListPermissions, and RAM GetResourceShareInvitations and
 * AcceptResourceShareInvitation (REST-JSON: {@link JsonApis}); anything else is refused by name.
 *
 * <p>The caller is identified as LocalStack identifies it: the access key id of the SigV4 Authorization
 * header IS the 12-digit account id, and the caller is that account's deployer role (the provider's
 * caller, {@link LakeFormationEmulator#callerArn}); the signature is not checked. The credential
 * scope's service picks the API, and its region must be the emulated region (IAM, a global service,
 * may also be signed for us-east-1). Every call but GetCallerIdentity (which needs no permission in
 * AWS either) is authorised against the deployer's policies ({@link Deployers}).
 *
 * <p>Run alone ({@link #main}): the state file from {@value StandInAwsProvider#STATE_ENV}, the region
 * from {@value StandInAwsProvider#REGION_ENV} (default us-east-1); prints its URL as the first stdout
 * line and serves until killed.
 */
public final class AwsApiEndpoint implements AutoCloseable {
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Path state;
    private final String region;

    private AwsApiEndpoint(HttpServer server, Path state, String region) {
        this.server = server;
        this.state = state;
        this.region = region;
    }

    /** Starts serving on a free port of the loopback interface. */
    public static AwsApiEndpoint start(Path state, String region) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var endpoint = new AwsApiEndpoint(server, state, region);
        server.createContext("/", endpoint::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return endpoint;
    }

    public static void main(String[] args) throws Exception {
        String state = System.getenv(StandInAwsProvider.STATE_ENV);
        if (state == null || state.isBlank()) {
            System.err.println("AwsApiEndpoint: set " + StandInAwsProvider.STATE_ENV + " to the emulated AWS's state file");
            System.exit(2);
        }
        var endpoint = start(Path.of(state), System.getenv().getOrDefault(StandInAwsProvider.REGION_ENV, "us-east-1"));
        System.out.println(endpoint.uri());
        System.out.flush();
        Thread.currentThread().join();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** One signed request: who sends it, for which service and region. */
    record Call(String account, String service, String region, String path, String body) {
        String callerArn() {
            return LakeFormationEmulator.callerArn(account);
        }
    }

    /** An AWS error: the HTTP status, the error code the SDK maps to its exception, the message. */
    static final class ApiError extends RuntimeException {
        final int status;
        final String code;

        ApiError(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    /** What answers a request: the HTTP status, content type and body. */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
            var scope = CREDENTIAL.matcher(authorization);
            String service = scope.find() ? scope.group(3) : "";
            boolean query = service.equals("sts") || service.equals("iam");
            try {
                if (service.isEmpty()) {
                    throw new ApiError(403, query ? "MissingAuthenticationToken" : "MissingAuthenticationTokenException",
                            "Request is missing Authentication Token (a SigV4 Authorization header)");
                }
                String accessKey = scope.group(1);
                if (!accessKey.matches("\\d{12}")) {
                    throw new ApiError(403, query ? "InvalidClientTokenId" : "UnrecognizedClientException",
                            "The security token included in the request is invalid: the stand-in takes the access key id"
                                    + " as the account id, and '" + accessKey + "' is no 12-digit account id");
                }
                String signedRegion = scope.group(2);
                if (!signedRegion.equals(region) && !(service.equals("iam") && signedRegion.equals("us-east-1"))) {
                    throw new ApiError(403, query ? "SignatureDoesNotMatch" : "InvalidSignatureException",
                            "Credential should be scoped to a valid region: the emulated AWS is in " + region
                                    + ", the request is signed for " + signedRegion);
                }
                var call = new Call(accessKey, service, signedRegion, exchange.getRequestURI().getPath(), body);
                answer = switch (service) {
                    case "sts", "iam" -> withState(aws -> QueryApis.answer(aws, call));
                    case "lakeformation", "ram" -> withState(aws -> JsonApis.answer(aws, call));
                    default -> throw new ApiError(400, "UnknownOperationException", "the stand-in AWS API does not"
                            + " emulate the service " + service);
                };
            } catch (ApiError e) {
                answer = query ? QueryApis.error(service, e) : JsonApis.error(e);
            } catch (RuntimeException e) {
                answer = new Answer(500, "application/json", "{\"message\":" + JSON.writeValueAsString(String.valueOf(e))
                        + "}", Map.of("x-amzn-ErrorType", "InternalFailure"));
            }
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** An API call reads and may change the state under its lock; a refused one leaves it as it was. */
    private Answer withState(Function<EmulatedAws, Answer> apply) {
        return EmulatedAws.transact(state, apply);
    }

    /**
     * The caller's deployer must be allowed the action by its identity policies, as IAM decides before
     * any service acts; the message is AWS's.
     */
    static void authorize(EmulatedAws aws, Call call, String action, int status, String code) {
        var evaluation = IamPolicy.evaluate(Deployers.of(aws, call.account()), IamPolicy.Request.of(call.callerArn(), action, "*"));
        if (evaluation.decision() != IamPolicy.Decision.ALLOWED) {
            throw new ApiError(status, code, "User: " + call.callerArn() + " is not authorized to perform: " + action
                    + " on resource: * " + (evaluation.decision() == IamPolicy.Decision.EXPLICIT_DENY
                    ? "with an explicit deny in an identity-based policy" : "because no identity-based policy allows the "
                    + action + " action"));
        }
    }

    /** The name/value pairs of a form-encoded (query protocol) body. */
    static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                params.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new ApiError(400, "SerializationException", "the request body is not JSON: " + e.getMessage());
        }
    }
}
