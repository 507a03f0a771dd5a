package io.datamesh.e2e.standin;

import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.Test;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.ResourceProviderGrpc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stand-in provider keeps the plugin process contract: its port alone on the first stdout line. */
class StandInAwsProviderProcessTest {
    @Test
    void printsItsPortFirstAndServesTheProviderProtocol() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                StandInAwsProvider.class.getName()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        ManagedChannel channel = null;
        try {
            var stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            int port = Integer.parseInt(stdout.readLine().trim());
            channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
            var stub = ResourceProviderGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);

            assertEquals(StandInAwsProvider.VERSION, stub.getPluginInfo(Empty.getDefaultInstance()).getVersion());
            var partition = stub.invoke(InvokeRequest.newBuilder()
                    .setTok("aws:index/getPartition:getPartition").build()).getReturn();
            assertEquals("aws", partition.getFieldsOrThrow("partition").getStringValue());
        } finally {
            if (channel != null) {
                channel.shutdownNow();
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
