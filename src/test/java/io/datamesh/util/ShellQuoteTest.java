package io.datamesh.util;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShellQuoteTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "producer                | producer",
            "meshes/prod-1.2         | meshes/prod-1.2",
            "a=b:c@d%e+f             | a=b:c@d%e+f",
            "\"\"                    | ''",
            "my mesh                 | 'my mesh'",
            "it's                    | 'it'\\''s'",
            "$HOME                   | '$HOME'",
            "a;rm -rf ~              | 'a;rm -rf ~'",
            "*.json                  | '*.json'",
            "\"tab\there\"           | \"'tab\there'\"",
            "back\\slash             | 'back\\slash'"})
    void quotesOnlyWhatAShellWouldReadSomethingInto(String value, String quoted) {
        assertEquals(quoted, ShellQuote.quote(value));
    }
}
