package io.datamesh.policy.analyzer;

import java.util.ArrayList;
import java.util.List;

/**
 * The analyzer's command line: {@code <pack> [engine log flags…] <engine-address> [program-dir] [-k=v…]}.
 * The CLI prepends its log flags to every plugin; the fallback start mode appends the program
 * directory and runtime options. Neither matters to a pack, so both are dropped.
 */
public record AnalyzerArgs(String pack, String engineAddress) {
    public static AnalyzerArgs parse(String... args) {
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--tracing")) {
                i++;
            } else if (!(arg.equals("--logtostderr") || arg.equals("--logflow") || arg.startsWith("-v=")
                    || arg.startsWith("--v=") || arg.startsWith("--tracing="))) {
                positional.add(arg);
            }
        }
        List<String> addresses = positional.stream().skip(1).filter(a -> !a.startsWith("-") && !a.equals(".")).toList();
        if (positional.isEmpty() || addresses.isEmpty()) {
            throw new IllegalArgumentException("usage: AnalyzerMain <pack> [log flags] <engine-address> [program-dir]");
        }
        return new AnalyzerArgs(positional.get(0), addresses.get(0));
    }
}
