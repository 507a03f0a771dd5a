package io.datamesh.badinput;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One case of the bad-input corpus: break a copy of the samples, run a command over it, and expect
 * an exit code and the words of the message (file, key, what is wrong, the fix).
 *
 * @param args   the command line, given the broken project's directory
 * @param absent words the output must not contain: what a refused input must never be shown as
 */
public record BadInputCase(String name, Consumer<BadInputMesh> breaking, Function<Path, List<String>> args,
                           int exitCode, List<String> fragments, List<String> absent) {
    /** {@code ./datamesh plan --dir <project>} refuses the input with exit 2 and these words. */
    public static BadInputCase refused(String name, Consumer<BadInputMesh> breaking, String... fragments) {
        return new BadInputCase(name, breaking, dir -> List.of("plan", "--dir", dir.toString()), 2, List.of(fragments), List.of());
    }

    /** {@code ./datamesh plan --dir <project>} accepts the input: exit 0, with these words. */
    public static BadInputCase planned(String name, Consumer<BadInputMesh> breaking, String... fragments) {
        return new BadInputCase(name, breaking, dir -> List.of("plan", "--dir", dir.toString()), 0, List.of(fragments), List.of());
    }

    /** The same input, another command line. */
    public BadInputCase command(String... command) {
        return new BadInputCase(name, breaking, dir -> {
            List<String> all = new ArrayList<>();
            for (String arg : command) {
                all.add(arg.replace("{dir}", dir.toString()));
            }
            return all;
        }, exitCode, fragments, absent);
    }

    public BadInputCase exits(int code) {
        return new BadInputCase(name, breaking, args, code, fragments, absent);
    }

    /** Words the output must not have: the misleading message a case guards against. */
    public BadInputCase never(String... words) {
        return new BadInputCase(name, breaking, args, exitCode, fragments, List.of(words));
    }

    /** Runs the case in {@code tmp} (the project is {@code tmp/project}). */
    public Datamesh.Outcome check(Path tmp) {
        BadInputMesh mesh = BadInputMesh.copyOfSamples(tmp);
        breaking.accept(mesh);
        return Datamesh.run(args.apply(mesh.root()).toArray(String[]::new)).exits(exitCode).says(fragments.toArray(String[]::new))
                .saysNothingOf(absent.toArray(String[]::new));
    }

    @Override
    public String toString() {
        return name;
    }
}
