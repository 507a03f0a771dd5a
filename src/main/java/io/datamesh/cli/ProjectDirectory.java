package io.datamesh.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --dir} option of every command that reads a mesh's stack files. */
class ProjectDirectory {
    @Option(names = "--dir", description = "Directory with Pulumi.yaml and Pulumi.<stack>.yaml files (default: .)")
    Path dir = Path.of(".");
}
