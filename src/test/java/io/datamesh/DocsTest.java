package io.datamesh;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README is the entry and docs/ the reference: every relative link between them resolves, to a
 * file and, with a {@code #fragment}, to a heading of it as GitHub names its anchors; and the README
 * stays an entry, with the two commands .ci/run runs.
 */
class DocsTest {
    private static final Path README = Path.of("README.md");
    /** A Markdown link or image: its target up to a space (a title) or the closing parenthesis. */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The page's lines outside fenced code blocks: a {@code #} there is a shell comment, a link is text. */
    private static List<String> prose(Path page) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(page)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
    static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(page)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
                int n = seen.merge(slug, 1, Integer::sum);
                anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
            }
            HTML_ANCHOR.matcher(line).results().forEach(m -> anchors.add(m.group(1)));
        }
        return anchors;
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            for (String line : prose(page)) {
                Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
                while (link.find()) {
                    String target = link.group(1);
                    if (target.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
                        continue; // https:, mailto: — not this repository's
                    }
                    checked++;
                    int hash = target.indexOf('#');
                    String file = hash < 0 ? target : target.substring(0, hash);
                    Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
                    if (!Files.exists(resolved)) {
                        broken.add(page + ": " + target + " (no file " + resolved + ")");
                    } else if (hash >= 0 && resolved.toString().endsWith(".md")
                            && !anchors(resolved).contains(target.substring(hash + 1))) {
                        broken.add(page + ": " + target + " (no heading with that anchor in " + resolved + ")");
                    }
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(50);
        assertThat(broken).isEmpty();
    }

    @Test
    void anchorsAreGithubs() throws IOException {
        Path page = Files.createTempFile("anchors", ".md");
        try {
            Files.writeString(page, "# What `pulumi destroy` keeps\n## Audit trail, retention and trust\n```bash\n# not a heading\n```\n"
                    + "## Lake Formation lanes: longest chain and first-deploy estimate\n## Scale\n## Scale\n");
            assertThat(anchors(page)).containsExactlyInAnyOrder("what-pulumi-destroy-keeps", "audit-trail-retention-and-trust",
                    "lake-formation-lanes-longest-chain-and-first-deploy-estimate", "scale", "scale-1");
        } finally {
            Files.delete(page);
        }
    }

    @Test
    void theReadmeIsAnEntryWithTheTwoCommandsCiRuns() throws IOException {
        String readme = Files.readString(README);
        assertThat(readme.lines().count()).as("README lines").isLessThanOrEqualTo(300);
        assertThat(readme).contains("```bash\n./datamesh plan    # plan the sample mesh offline: every stack, resource, policy result\n"
                + "mvn test           # the tests\n```");
        assertThat(Files.readAllLines(Path.of(".ci/run"))).contains("mvn -B test", "./datamesh plan --json target/plan.json");
    }
}
